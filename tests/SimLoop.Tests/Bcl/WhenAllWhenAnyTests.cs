namespace SimLoop.Tests.Bcl;

// Task.WhenAll / WhenAny over tasks that complete on the loop complete on the loop too, and their awaiter is
// posted back. (Over tasks made with RunContinuationsAsynchronously they leave it: see docs/limitations.md.)
public class WhenAllWhenAnyTests
{
    private static Task<string> After(string name, int seconds) => Sim.Spawn(name, async () =>
    {
        await Sim.Delay(TimeSpan.FromSeconds(seconds));
        return name;
    });

    [Test]
    public void When_all_completes_at_the_instant_of_the_slowest_task_with_results_in_argument_order()
    {
        var result = Sim.Run(async () =>
        {
            var names = await Task.WhenAll(After("A", 1), After("B", 3), After("C", 2));
            return (Names: names, At: Sim.Elapsed);
        });

        Assert.That(result.Value.Names, Is.EqualTo(new[] { "A", "B", "C" }));
        Assert.That(result.Value.At, Is.EqualTo(TimeSpan.FromSeconds(3)));
    }

    [Test]
    public void When_all_over_task_delays_on_sim_time_completes_at_the_longest_delay()
    {
        var result = Sim.Run(async () => await Task.WhenAll(
            Task.Delay(TimeSpan.FromSeconds(2), Sim.Time),
            Task.Delay(TimeSpan.FromSeconds(5), Sim.Time),
            Task.Delay(TimeSpan.FromSeconds(1), Sim.Time)));

        Assert.That(result.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public void When_all_reports_a_failure_only_once_every_task_has_finished()
    {
        var caughtAt = TimeSpan.MinValue;
        Sim.Run(async () =>
        {
            var failing = Sim.Spawn("failing", async () =>
            {
                await Sim.Delay(TimeSpan.FromSeconds(1));
                throw new InvalidOperationException("boom");
            });
            try
            {
                await Task.WhenAll(failing, After("slow", 4));
            }
            catch (InvalidOperationException)
            {
                caughtAt = Sim.Elapsed;
            }
        });

        Assert.That(caughtAt, Is.EqualTo(TimeSpan.FromSeconds(4)));
    }

    [Test]
    public void When_any_completes_at_the_instant_of_the_fastest_task_and_the_rest_are_cancelled_at_the_end()
    {
        var result = Sim.Run(async () =>
        {
            var first = await Task.WhenAny(After("slow", 5), After("fast", 2), After("middle", 3));
            return (Winner: await first, At: Sim.Elapsed);
        });

        Assert.That(result.Value.Winner, Is.EqualTo("fast"));
        Assert.That(result.Value.At, Is.EqualTo(TimeSpan.FromSeconds(2)));
        Assert.That(result.CancelledTasks, Is.EqualTo(new[] { "slow", "middle" }));
    }

    [Test]
    public void When_any_at_a_tie_picks_the_task_whose_timer_was_created_first()
    {
        // Both timers are due at 1 s; the loop fires them in creation order, whatever the argument order.
        var winner = Sim.Run(async () =>
        {
            var createdFirst = After("created-first", 1);
            var createdSecond = After("created-second", 1);
            return await await Task.WhenAny(createdSecond, createdFirst);
        });

        Assert.That(winner.Value, Is.EqualTo("created-first"));
    }

    [Test]
    public void When_all_over_an_async_wrapper_of_a_run_continuations_asynchronously_source_stays_on_the_loop()
    {
        // WhenAll over such a source's own task would complete on the thread pool (docs/limitations.md); awaiting it
        // inside an async method brings the completion back to the loop first.
        static async Task OnLoop(Task task) => await task;

        var result = Sim.Run(async () =>
        {
            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var setter = Sim.Spawn("setter", async () =>
            {
                await Sim.Delay(TimeSpan.FromSeconds(1));
                signal.SetResult();
            });
            await Task.WhenAll(OnLoop(signal.Task), setter);
            return Sim.Elapsed;
        });

        Assert.That(result.Value, Is.EqualTo(TimeSpan.FromSeconds(1)));
    }

    [Test]
    public void Two_runs_of_the_same_when_any_scenario_have_the_same_trace_hash() =>
        Determinism.AssertSameTraceHashTwice(async () =>
        {
            await Task.WhenAny(After("A", 2), After("B", 1), After("C", 1));
            await Task.WhenAll(After("D", 1), After("E", 3));
        });
}
