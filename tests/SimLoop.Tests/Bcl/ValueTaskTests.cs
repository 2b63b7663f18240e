namespace SimLoop.Tests.Bcl;

// A ValueTask that completes synchronously costs nothing; one from an async method that had to wait resumes its
// awaiter in a step of its own, like any awaited task.
public class ValueTaskTests
{
    private static async ValueTask<int> Lookup(bool cached)
    {
        if (cached)
        {
            return 42;
        }

        await Sim.Delay(TimeSpan.FromSeconds(1));
        return 7;
    }

    private static async ValueTask Pause(TimeSpan delay)
    {
        if (delay > TimeSpan.Zero)
        {
            await Sim.Delay(delay);
        }
    }

    [Test]
    public void A_value_task_of_t_that_completes_synchronously_takes_no_step()
    {
        var completedAtOnce = false;
        var result = Sim.Run(async () =>
        {
            var lookup = Lookup(cached: true);
            completedAtOnce = lookup.IsCompletedSuccessfully;
            return await lookup;
        });

        Assert.That(completedAtOnce, Is.True);
        Assert.That(result.Value, Is.EqualTo(42));
        Assert.That(result.Steps, Is.EqualTo(1));
    }

    [Test]
    public void A_value_task_of_t_that_waits_returns_its_value_at_the_exact_instant_one_step_after_the_method()
    {
        var result = Sim.Run(async () =>
        {
            var value = await Lookup(cached: false);
            return (Value: value, At: Sim.Elapsed);
        });

        Assert.That(result.Value, Is.EqualTo((7, TimeSpan.FromSeconds(1))));
        Assert.That(result.Trace.Steps.Select(step => step.Reason),
            Is.EqualTo(new[] { ReadyReason.Spawn, ReadyReason.Timer, ReadyReason.Continuation }));
    }

    [Test]
    public void Non_generic_value_tasks_run_in_sequence_on_virtual_time()
    {
        var log = new List<string>();
        var result = Sim.Run(async () =>
        {
            await Pause(TimeSpan.Zero);
            log.Add($"zero at {Sim.Elapsed.TotalSeconds}");
            await Pause(TimeSpan.FromSeconds(2));
            log.Add($"two at {Sim.Elapsed.TotalSeconds}");
            await Pause(TimeSpan.FromSeconds(3));
            log.Add($"three at {Sim.Elapsed.TotalSeconds}");
        });

        Assert.That(log, Is.EqualTo(new[] { "zero at 0", "two at 2", "three at 5" }));
        Assert.That(result.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public void Value_tasks_turned_into_tasks_combine_with_when_all()
    {
        var result = Sim.Run(async () =>
        {
            var values = await Task.WhenAll(Lookup(cached: false).AsTask(), Lookup(cached: true).AsTask());
            return (Values: values, At: Sim.Elapsed);
        });

        Assert.That(result.Value.Values, Is.EqualTo(new[] { 7, 42 }));
        Assert.That(result.Value.At, Is.EqualTo(TimeSpan.FromSeconds(1)));
    }

    [Test]
    public void Two_runs_of_the_same_value_task_scenario_have_the_same_trace_hash() =>
        Determinism.AssertSameTraceHashTwice(async () =>
        {
            var a = Sim.Spawn("A", async () => await Lookup(cached: false));
            var b = Sim.Spawn("B", async () => { await Pause(TimeSpan.FromSeconds(1)); return await Lookup(cached: true); });
            await Task.WhenAll(a, b);
        });
}
