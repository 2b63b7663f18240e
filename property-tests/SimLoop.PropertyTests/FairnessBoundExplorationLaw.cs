using FsCheck;
using FsCheck.Fluent;
using SimLoop.PropertyTests.Support;
using SimLoop.PropertyTests.Workloads;

namespace SimLoop.PropertyTests;

/// <summary>
/// A declarative fairness bound (SimOptions.MaxLoopLag) under exploration. For a generated workload, the worst loop
/// lag over all its schedules is measured by running every schedule (exhaustive search, each iteration reading its
/// own final report); then:
/// - when some schedule lags more than FIFO, exploring with the bound set to FIFO's lag reports a FairnessViolation,
///   and its replay token, run without the bound, shows a lag above it;
/// - exploring with the bound set to the worst lag never reports anything.
/// Workloads are kept small (up to 3 tasks of 2 ops) so that every schedule is run.
/// </summary>
public class FairnessBoundExplorationLaw
{
    private const int MaxSchedules = 20_000;

    [FsCheck.NUnit.Property(MaxTest = 200, Arbitrary = [typeof(WorkloadArbitrary)])]
    public Property Exploration_finds_a_bound_some_schedule_breaks_and_never_reports_one_every_schedule_keeps(Workload generated)
    {
        var workload = generated with { Tasks = generated.Tasks.Take(3).Select(ops => (IReadOnlyList<Op>)ops.Take(2).ToList()).ToList() };
        var program = WorkloadRun.Program(workload);
        var options = WorkloadRun.Options(workload) with { RecordTrace = false };
        var fifoLag = Sim.Run(program, options).Fairness.MaxLoopLag;

        // The worst lag of every schedule, each read from inside its own run once everything has finished.
        var worstLag = TimeSpan.Zero;
        var everySchedule = Explore(() => MeasuringLag(program, lag => worstLag = lag > worstLag ? lag : worstLag), options, bound: null);

        var atWorst = Explore(program, options, bound: worstLag);
        var checks = new List<Property>
        {
            Expect.Equal("every schedule ran", everySchedule.SpaceExhausted, true),
            Expect.Equal("no failure without a bound", everySchedule.Failure?.What, null),
            Expect.Equal("a bound every schedule keeps is never reported", atWorst.Failure?.What, null),
        };

        if (worstLag > fifoLag)
        {
            var atFifo = Explore(program, options, bound: fifoLag);
            checks.Add(Expect.Equal("a bound FIFO keeps but a schedule breaks is found", atFifo.Failure?.Kind, FailureKind.FairnessViolation));
            if (atFifo.Failure is { } found)
            {
                var replayed = Sim.Run(program, options with { Replay = found.ReplayToken }).Fairness.MaxLoopLag;
                checks.Add(Expect.Equal("its replay token lags more than the bound", replayed > fifoLag, true));
            }
        }

        return Expect.All([.. checks])
            .Classify(worstLag > fifoLag, "some schedule lags more than FIFO")
            .Label($"{workload}: FIFO lag {fifoLag.TotalMilliseconds} ms, worst {worstLag.TotalMilliseconds} ms");
    }

    private static ExplorationResult Explore(Func<Task> program, SimOptions options, TimeSpan? bound) =>
        Sim.Explore(program, new ExploreOptions
        {
            Seed = options.Seed,
            WorkerThreads = options.WorkerThreads,
            SlowStepThreshold = options.SlowStepThreshold,
            Strategy = Strategy.Exhaustive(MaxSchedules),
            Iterations = MaxSchedules,
            Parallelism = 1,
            MaxLoopLag = bound,
        });

    private static async Task MeasuringLag(Func<Task> program, Action<TimeSpan> record)
    {
        await program();
        record(Sim.Current.Fairness.MaxLoopLag);
    }
}
