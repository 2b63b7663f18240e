using FsCheck;
using SimLoop.PropertyTests.Support;
using SimLoop.PropertyTests.Workloads;

namespace SimLoop.PropertyTests;

/// <summary>
/// Law 6: the fairness report loses and invents nothing. For any workload, the loop time of the tasks adds up to
/// LoopBusy, and so do the trace's sections; LoopBusy fits in Elapsed (one step at a time); no step ran before
/// it was ready; and each task's step count and scheduling delays are those of its steps in the trace.
/// </summary>
public class ConservationLaw
{
    [FsCheck.NUnit.Property(MaxTest = 500, Arbitrary = [typeof(WorkloadArbitrary)])]
    public Property Loop_time_and_delays_add_up(Workload workload)
    {
        var result = WorkloadRun.Of(workload).Result;
        var fairness = result.Fairness;
        var steps = result.Trace.Steps;

        var perTask = fairness.Tasks.Select(task =>
        {
            var own = steps.Where(s => s.Task == task.Name).ToList();
            return Expect.All(
                Expect.Equal(task.Name + " steps", task.Steps, (long)own.Count),
                Expect.Equal(task.Name + " total scheduling delay", task.TotalSchedulingDelay, Sum(own.Select(s => s.SchedulingDelay))),
                Expect.Equal(task.Name + " max scheduling delay", task.MaxSchedulingDelay, own.Select(s => s.SchedulingDelay).DefaultIfEmpty().Max()));
        });

        var negative = steps.FirstOrDefault(s => s.SchedulingDelay < TimeSpan.Zero);
        return Expect.All(perTask.Concat(
        [
            Expect.That("the trace is complete", result.Trace.IsComplete),
            Expect.Equal("sum of tasks' cpu + block time", Sum(fairness.Tasks.Select(t => t.CpuTime + t.BlockTime)), fairness.LoopBusy),
            Expect.Equal("sum of the trace's sections", Sum(steps.SelectMany(s => s.Sections).Select(s => s.Duration)), fairness.LoopBusy),
            Expect.That($"loop busy {Ms.Text(fairness.LoopBusy)} fits in elapsed {Ms.Text(result.Elapsed)}", fairness.LoopBusy <= result.Elapsed),
            Expect.That($"no step ran before it was ready (first offender: {negative})", negative is null),
        ]));
    }

    private static TimeSpan Sum(IEnumerable<TimeSpan> times) => times.Aggregate(TimeSpan.Zero, (sum, t) => sum + t);
}
