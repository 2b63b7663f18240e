namespace SimLoop.Tests.Time;

// Timers of Sim.Time wake like Sim.Delay: the loop runs the callback as it fires the timer, what the callback wakes
// is ready from the due instant, and no step is spent on the callback itself unless it declares a cost.
public class SimTimeTimerWakeTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Test]
    public void A_periodic_timer_on_sim_time_takes_one_step_per_tick_ready_at_each_tick()
    {
        var result = Sim.Run(async () =>
        {
            using var timer = new PeriodicTimer(Second, Sim.Time);
            for (var tick = 0; tick < 3; tick++)
            {
                await timer.WaitForNextTickAsync();
            }
        });

        Assert.That(result.Trace.Steps.Select(step => (step.Start, step.Reason)), Is.EqualTo(new[]
        {
            (TimeSpan.Zero, ReadyReason.Spawn),
            (Second, ReadyReason.Timer),
            (2 * Second, ReadyReason.Timer),
            (3 * Second, ReadyReason.Timer),
        }));
    }

    [Test]
    public void A_cancellation_token_source_on_sim_time_wakes_its_waiter_like_a_sim_delay()
    {
        var viaToken = Sim.Run(async () =>
        {
            using var cancellation = new CancellationTokenSource(Second, Sim.Time);
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, Sim.Time, cancellation.Token);
            }
            catch (OperationCanceledException)
            {
            }
        });
        var viaDelay = Sim.Run(async () => await Sim.Delay(Second));

        Assert.That(viaToken.Trace.Hash, Is.EqualTo(viaDelay.Trace.Hash));
        Assert.That(viaToken.Fairness.Task("main").MaxTimerLateness, Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void A_cost_declared_in_a_timer_callback_holds_the_loop_and_is_charged_to_the_timers_creator()
    {
        var result = Sim.Run(async () =>
        {
            var heartbeat = Sim.Spawn("heartbeat", async () => await Task.Delay(1500 * TimeSpan.FromMilliseconds(1), Sim.Time));
            var parsed = new TaskCompletionSource();
            var starter = Sim.Spawn("starter", () =>
            {
                // Created by 'starter': its callback's cost is starter's, from 1 s to 2 s.
                Sim.Time.CreateTimer(_ =>
                {
                    Sim.Cpu(Second, "parse in callback");
                    parsed.SetResult();
                }, null, Second, Timeout.InfiniteTimeSpan);
                return Task.CompletedTask;
            });
            await Task.WhenAll(heartbeat, starter, parsed.Task);
        });

        var starterStats = result.Fairness.Task("starter");
        Assert.That(starterStats.CpuTime, Is.EqualTo(Second));
        Assert.That(result.Fairness.SlowSteps.Single(), Is.EqualTo(new SlowStep(Second, Second, "starter", "parse in callback", SectionKind.Cpu)));
        // Sim.Cpu in a callback needs no step of its own to be charged: the callback is recorded as one, owned by starter.
        // The heartbeat was due at 1.5 s, inside the callback's second: it runs at 2 s, 500 ms late.
        Assert.That(result.Fairness.Task("heartbeat").MaxTimerLateness, Is.EqualTo(TimeSpan.FromMilliseconds(500)));
        Assert.That(result.Elapsed, Is.EqualTo(2 * Second));
    }

    [Test]
    public void A_timer_kept_from_an_earlier_run_and_armed_again_fails_loudly_instead_of_never_firing()
    {
        ITimer? kept = null;
        Sim.Run(() =>
        {
            kept = Sim.Time.CreateTimer(_ => { }, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return Task.CompletedTask;
        }, new SimOptions { Seed = 5 });

        var failure = Assert.Throws<SimulationFailedException>(() => Sim.Run(() =>
        {
            kept!.Change(Second, Timeout.InfiniteTimeSpan);
            return Task.CompletedTask;
        }))!;

        Assert.That(failure.InnerException!.Message, Is.EqualTo(
            "SimLoop: a timer of Sim.Time was armed after its simulation ended (seed 0x5). A timer, CancellationTokenSource or PeriodicTimer created on " +
            "one run's Sim.Time was kept (in a static field, a pool or a cache) and used again, so it would never fire. Create such objects inside each " +
            "run, or clear the static state between runs."));
    }
}
