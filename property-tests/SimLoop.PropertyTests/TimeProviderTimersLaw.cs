using FsCheck;
using SimLoop.PropertyTests.Support;
using SimLoop.PropertyTests.Workloads;

namespace SimLoop.PropertyTests;

/// <summary>
/// Libraries wait with Task.Delay(t, timeProvider), test authors with Sim.Delay(t): a workload must give the same run
/// either way. Compared: the trace hash, the whole trace (order, instants, owners, ready reasons), the whole fairness
/// table (every delay, lateness and loop-lag figure) and Elapsed, under FIFO and under a seeded random schedule.
/// Only the steps' source locations may differ: the two programs wait on different lines.
/// </summary>
public class TimeProviderTimersLaw
{
    [FsCheck.NUnit.Property(MaxTest = 300, Arbitrary = [typeof(WorkloadArbitrary)])]
    public Property Task_delay_on_sim_time_and_sim_delay_give_the_same_run(Workload workload) =>
        Expect.All(Compare(workload, Strategy.Fifo), Compare(workload, Strategy.Random));

    // The two programs differ in one source line (Task.Delay vs Sim.Delay): the steps' source locations differ by design.
    private static string WithoutSources(Trace trace) =>
        System.Text.RegularExpressions.Regex.Replace(trace.ToText(int.MaxValue), "  in [^\n]*", "");

    private static Property Compare(Workload workload, Strategy strategy)
    {
        var sim = WorkloadRun.Of(workload, DelayApi.SimDelay, strategy).Result;
        var bcl = WorkloadRun.Of(workload, DelayApi.TaskDelayOnSimTime, strategy).Result;
        return Expect.All(
            Expect.Equal($"{strategy.Name}: trace", WithoutSources(bcl.Trace), WithoutSources(sim.Trace)),
            Expect.Equal($"{strategy.Name}: trace hash", bcl.Trace.Hash, sim.Trace.Hash),
            Expect.Equal($"{strategy.Name}: fairness table", bcl.Fairness.ToString(), sim.Fairness.ToString()),
            Expect.Equal($"{strategy.Name}: elapsed", bcl.Elapsed, sim.Elapsed));
    }
}
