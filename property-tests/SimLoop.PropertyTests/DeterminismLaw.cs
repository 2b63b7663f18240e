using FsCheck;
using SimLoop.PropertyTests.Support;
using SimLoop.PropertyTests.Workloads;

namespace SimLoop.PropertyTests;

/// <summary>
/// Determinism: the same workload with the same seed gives the same run, including its seeded Sim.Chance
/// draws. Compared: the trace hash, the whole trace as text, the whole fairness table and the replay token.
/// The second run happens on another thread, so state left behind on the first run's thread (a thread-static,
/// the SynchronizationContext) can neither make the runs agree by accident nor make them differ.
/// </summary>
public class DeterminismLaw
{
    [FsCheck.NUnit.Property(MaxTest = 500, Arbitrary = [typeof(WorkloadArbitrary)])]
    public Property The_same_workload_and_seed_give_the_same_run(Workload workload)
    {
        var first = WorkloadRun.Of(workload).Result;
        var second = Task.Run(() => WorkloadRun.Of(workload).Result).GetAwaiter().GetResult();
        return Expect.All(
            Expect.Equal("trace hash", second.Trace.Hash, first.Trace.Hash),
            Expect.Equal("trace", second.Trace.ToText(int.MaxValue), first.Trace.ToText(int.MaxValue)),
            Expect.Equal("fairness table", second.Fairness.ToString(), first.Fairness.ToString()),
            Expect.Equal("replay token", second.ReplayToken, first.ReplayToken));
    }
}
