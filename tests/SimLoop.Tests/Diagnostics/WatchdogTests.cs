using SimLoop.Interception;
using Snapshooter.NUnit;

namespace SimLoop.Tests.Diagnostics;

public class WatchdogTests
{
    [Test]
    [NotRewritten] // a real sleep, as code that is not rewritten sleeps
    public void A_step_that_sleeps_in_real_time_fails_with_Hang_and_the_run_returns()
    {
        var options = new SimOptions { WatchdogTimeout = TimeSpan.FromMilliseconds(200) };
        var failure = Assert.Throws<SimulationFailedException>(() => Sim.Run(async () =>
        {
            await Sim.Spawn("sleeper", async () =>
            {
                await Sim.Delay(TimeSpan.FromSeconds(2));
                Thread.Sleep(TimeSpan.FromMinutes(10));
            });
        }, options))!;

        Assert.That(failure.Kind, Is.EqualTo(FailureKind.Hang));
        Assert.That(failure.Failure.TaskName, Is.EqualTo("sleeper"));
        Assert.That(MessageText.Head(failure.Message), Does.StartWith(
            "SimLoop: task 'sleeper' has not returned to the loop for 200 ms of real time: step 2, started at virtual time 00:00:02.000, is still running (SimOptions.WatchdogTimeout)."));
        Snapshot.Match(MessageText.Head(failure.Message));
    }

    [Test]
    [NotRewritten] // a real sleep, as code that is not rewritten sleeps
    public void The_interrupt_does_not_leak_into_the_callers_next_wait()
    {
        var options = new SimOptions { WatchdogTimeout = TimeSpan.FromMilliseconds(100) };
        Assert.Throws<SimulationFailedException>(() => Sim.Run(() =>
        {
            Thread.Sleep(TimeSpan.FromMinutes(10));
            return Task.CompletedTask;
        }, options));

        Assert.DoesNotThrow(() => Thread.Sleep(1));
    }
}
