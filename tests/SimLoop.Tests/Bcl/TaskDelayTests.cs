namespace SimLoop.Tests.Bcl;

// Task.Delay(delay, Sim.Time) runs on a timer created through the TimeProvider, so it is simulated unchanged.
public class TaskDelayTests
{
    [Test]
    public void Task_delay_on_sim_time_completes_at_exactly_the_requested_virtual_instant()
    {
        var wokeAt = TimeSpan.MinValue;
        var result = Sim.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(1500), Sim.Time);
            wokeAt = Sim.Elapsed;
        });

        Assert.That(wokeAt, Is.EqualTo(TimeSpan.FromMilliseconds(1500)));
        Assert.That(result.Elapsed, Is.EqualTo(TimeSpan.FromMilliseconds(1500)));
    }

    [Test]
    public void Task_delay_of_zero_completes_synchronously_without_a_step()
    {
        // The BCL returns an already completed task for a zero delay; unlike Sim.Delay(TimeSpan.Zero) it does not yield.
        var completedAtOnce = false;
        var result = Sim.Run(async () =>
        {
            var delay = Task.Delay(TimeSpan.Zero, Sim.Time);
            completedAtOnce = delay.IsCompleted;
            await delay;
        });

        Assert.That(completedAtOnce, Is.True);
        Assert.That(result.Steps, Is.EqualTo(1));
        Assert.That(result.Elapsed, Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void Task_delay_on_sim_time_takes_the_same_steps_as_sim_delay()
    {
        // Both complete their task as the loop fires the timer; the awaiter resumes in the next step, ready from the due instant.
        var simDelay = Sim.Run(async () => await Sim.Delay(TimeSpan.FromSeconds(1)));
        var taskDelay = Sim.Run(async () => await Task.Delay(TimeSpan.FromSeconds(1), Sim.Time));

        Assert.That(taskDelay.Trace.Steps.Select(step => step.Reason),
            Is.EqualTo(new[] { ReadyReason.Spawn, ReadyReason.Timer }));
        Assert.That(taskDelay.Trace.Steps.Select(step => step.Start),
            Is.EqualTo(new[] { TimeSpan.Zero, TimeSpan.FromSeconds(1) }));
        Assert.That(taskDelay.Trace.Hash, Is.EqualTo(simDelay.Trace.Hash));
    }

    [Test]
    public void Concurrent_task_delays_wake_in_due_time_order_and_in_creation_order_at_a_tie()
    {
        var log = new List<string>();
        Sim.Run(async () =>
        {
            Task Sleeper(string name, int seconds) => Sim.Spawn(name, async () =>
            {
                await Task.Delay(TimeSpan.FromSeconds(seconds), Sim.Time);
                log.Add($"{name} {Sim.Elapsed.TotalSeconds}");
            });

            await Task.WhenAll(Sleeper("A", 3), Sleeper("B", 1), Sleeper("C", 1), Sleeper("D", 2));
        });

        Assert.That(log, Is.EqualTo(new[] { "B 1", "C 1", "D 2", "A 3" }));
    }

    [Test]
    public void Two_runs_of_the_same_task_delay_scenario_have_the_same_trace_hash() =>
        Determinism.AssertSameTraceHashTwice(async () =>
        {
            var a = Sim.Spawn("A", () => Task.Delay(TimeSpan.FromSeconds(2), Sim.Time));
            var b = Sim.Spawn("B", () => Task.Delay(TimeSpan.FromSeconds(1), Sim.Time));
            await Task.WhenAll(a, b);
        });
}
