using System.Diagnostics;
using SimLoop.Interception;

namespace SimLoop.NUnit.TestData;

public class Hangs
{
    [SimTest(Seed = "1", Iterations = 3, WatchdogTimeout = "00:00:00.300")]
    [NotRewritten] // a real sleep, as code that is not rewritten sleeps
    public void Thread_Sleep_in_a_step_is_reported_as_a_hang() => Thread.Sleep(Timeout.Infinite);

    // A busy loop cannot be interrupted: the worker thread is abandoned (it ends by itself after three seconds).
    [SimTest(Seed = "1", Iterations = 3, WatchdogTimeout = "00:00:00.300")]
    [NotRewritten] // the loop measures real time: on virtual time it would never end
    public void A_busy_loop_is_reported_as_a_hang()
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(3))
        {
        }
    }

    // NUnit's own timeout ([CancelAfter]) still applies: the exploration stops between iterations.
    [SimTest(Seed = "1", Iterations = 100_000_000)]
    [CancelAfter(500)]
    public Task A_long_exploration_hits_NUnits_timeout() => Sim.Delay(TimeSpan.FromMilliseconds(1));
}
