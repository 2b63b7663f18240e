namespace SimLoop.Tests.Bcl;

// new CancellationTokenSource(delay, Sim.Time) arms its timer through the TimeProvider: the cancellation happens
// in a loop step at the exact virtual instant, owned by the task that created the source.
public class CancellationTokenSourceTests
{
    [Test]
    public void A_source_on_sim_time_cancels_at_exactly_its_delay()
    {
        var log = new List<string>();
        var result = Sim.Run(async () =>
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(2500), Sim.Time);
            using var registration = cts.Token.Register(() => log.Add($"cancelled at {Sim.Elapsed.TotalSeconds} in {Sim.Current.CurrentTaskName}"));
            try
            {
                await Sim.Delay(TimeSpan.FromHours(1), cts.Token);
            }
            catch (OperationCanceledException)
            {
                log.Add($"caught at {Sim.Elapsed.TotalSeconds}");
            }
        });

        Assert.That(log, Is.EqualTo(new[] { "cancelled at 2.5 in main", "caught at 2.5" }));
        Assert.That(result.Elapsed, Is.EqualTo(TimeSpan.FromMilliseconds(2500)));
    }

    [Test]
    public void Cancel_after_moves_the_cancellation_to_the_new_instant()
    {
        var cancelledAt = TimeSpan.MinValue;
        Sim.Run(async () =>
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10), Sim.Time);
            using var registration = cts.Token.Register(() => cancelledAt = Sim.Elapsed);
            await Sim.Delay(TimeSpan.FromSeconds(1));
            cts.CancelAfter(TimeSpan.FromSeconds(2));
            await Sim.Delay(TimeSpan.FromSeconds(20));
        });

        Assert.That(cancelledAt, Is.EqualTo(TimeSpan.FromSeconds(3)));
    }

    [Test]
    public void Task_delay_on_sim_time_with_the_token_is_cancelled_at_the_cancel_instant()
    {
        var result = Sim.Run(async () =>
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(3), Sim.Time);
            try
            {
                await Task.Delay(TimeSpan.FromHours(1), Sim.Time, cts.Token);
                return "completed";
            }
            catch (TaskCanceledException)
            {
                return $"cancelled at {Sim.Elapsed.TotalSeconds}";
            }
        });

        Assert.That(result.Value, Is.EqualTo("cancelled at 3"));
    }

    [Test]
    public void A_linked_source_cancels_when_the_earliest_of_its_sources_does()
    {
        var cancelledAt = TimeSpan.MinValue;
        Sim.Run(async () =>
        {
            using var slow = new CancellationTokenSource(TimeSpan.FromSeconds(5), Sim.Time);
            using var fast = new CancellationTokenSource(TimeSpan.FromSeconds(3), Sim.Time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(slow.Token, fast.Token);
            try
            {
                await Sim.Delay(TimeSpan.FromHours(1), linked.Token);
            }
            catch (OperationCanceledException)
            {
                cancelledAt = Sim.Elapsed;
            }
        });

        Assert.That(cancelledAt, Is.EqualTo(TimeSpan.FromSeconds(3)));
    }

    [Test]
    public void A_source_cancelled_by_main_wakes_every_waiter_at_that_instant_last_registered_first()
    {
        var log = new List<string>();
        Sim.Run(async () =>
        {
            using var cts = new CancellationTokenSource();
            Task Waiter(string name) => Sim.Spawn(name, async () =>
            {
                try
                {
                    await Task.Delay(Timeout.InfiniteTimeSpan, Sim.Time, cts.Token);
                }
                catch (OperationCanceledException)
                {
                    log.Add($"{name} at {Sim.Elapsed.TotalSeconds}");
                }
            });

            var waiters = new[] { Waiter("W1"), Waiter("W2") };
            await Sim.Delay(TimeSpan.FromSeconds(4));
            // Cancel, not CancelAsync: CancelAsync runs the callbacks on the thread pool (docs/limitations.md).
            cts.Cancel();
            await Task.WhenAll(waiters);
        });

        // Cancel runs the token's callbacks in reverse registration order (the BCL's implementation), and each
        // callback posts its waiter: the waiter that registered last resumes first.
        Assert.That(log, Is.EqualTo(new[] { "W2 at 4", "W1 at 4" }));
    }

    [Test]
    public void Two_runs_of_the_same_cancellation_scenario_have_the_same_trace_hash() =>
        Determinism.AssertSameTraceHashTwice(async () =>
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2), Sim.Time);
            var waiters = Enumerable.Range(1, 3).Select(i => Sim.Spawn($"W{i}", async () =>
            {
                try
                {
                    await Sim.Delay(TimeSpan.FromSeconds(i), cts.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }));
            await Task.WhenAll(waiters);
        });
}
