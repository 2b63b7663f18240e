namespace SimLoop.Tests.Bcl;

// new PeriodicTimer(period, Sim.Time) ticks on a periodic timer of virtual time. Each tick is a timer-callback
// step that completes the pending WaitForNextTickAsync; the waiter then resumes in a step of its own.
public class PeriodicTimerTests
{
    [Test]
    public void Periodic_timer_ticks_at_every_period_of_virtual_time()
    {
        var ticks = new List<TimeSpan>();
        Sim.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250), Sim.Time);
            for (var i = 0; i < 4; i++)
            {
                await timer.WaitForNextTickAsync();
                ticks.Add(Sim.Elapsed);
            }
        });

        Assert.That(ticks, Is.EqualTo(new[] { 250, 500, 750, 1000 }.Select(ms => TimeSpan.FromMilliseconds(ms))));
    }

    [Test]
    public void Ticks_missed_while_sim_cpu_holds_the_loop_collapse_into_one_late_tick_and_the_schedule_shifts()
    {
        // The ticks due at 2 s, 3 s and 4 s fall inside the Cpu section (1 s to 4.5 s). The timer fires once, late, when
        // the loop is free again, and its next period counts from that firing (as System.Threading.Timer counts from
        // when it actually fired), so the later ticks come at 5.5 s and 6.5 s, not at 5 s and 6 s.
        var ticks = new List<TimeSpan>();
        var result = Sim.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), Sim.Time);
            await timer.WaitForNextTickAsync();
            ticks.Add(Sim.Elapsed);
            Sim.Cpu(TimeSpan.FromMilliseconds(3500));
            for (var i = 0; i < 3; i++)
            {
                await timer.WaitForNextTickAsync();
                ticks.Add(Sim.Elapsed);
            }
        });

        Assert.That(ticks, Is.EqualTo(new[] { 1000, 4500, 5500, 6500 }.Select(ms => TimeSpan.FromMilliseconds(ms))));

        // The late firing was due at 2 s and ran at 4.5 s.
        Assert.That(result.Fairness.MaxLoopLag, Is.EqualTo(TimeSpan.FromMilliseconds(2500)));
        Assert.That(result.Fairness.Task("main").MaxTimerLateness, Is.EqualTo(TimeSpan.FromMilliseconds(2500)));
    }

    [Test]
    public void Ticks_missed_while_the_waiter_was_away_leave_one_tick_ready_and_keep_the_schedule()
    {
        // Here the loop is free: the timer fires on time at 2 s, 3 s and 4 s with nobody waiting. PeriodicTimer keeps
        // only "a tick happened", so the next wait completes at once, and the one after waits for the 5 s tick.
        var log = new List<string>();
        Sim.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), Sim.Time);
            await timer.WaitForNextTickAsync();
            log.Add($"tick at {Sim.Elapsed.TotalSeconds}");
            await Sim.Delay(TimeSpan.FromMilliseconds(3500));
            for (var i = 0; i < 2; i++)
            {
                var tick = timer.WaitForNextTickAsync();
                log.Add(tick.IsCompleted ? "ready at once" : "must wait");
                await tick;
                log.Add($"tick at {Sim.Elapsed.TotalSeconds}");
            }
        });

        Assert.That(log, Is.EqualTo(new[] { "tick at 1", "ready at once", "tick at 4.5", "must wait", "tick at 5" }));
    }

    [Test]
    public void Disposing_the_timer_from_another_task_ends_the_pending_wait_with_false_at_that_instant()
    {
        var result = Sim.Run(async () =>
        {
            var timer = new PeriodicTimer(TimeSpan.FromSeconds(10), Sim.Time);
            var stopper = Sim.Spawn("stopper", async () =>
            {
                await Sim.Delay(TimeSpan.FromSeconds(4));
                timer.Dispose();
            });
            var ticked = await timer.WaitForNextTickAsync();
            await stopper;
            return (Ticked: ticked, At: Sim.Elapsed);
        });

        Assert.That(result.Value, Is.EqualTo((false, TimeSpan.FromSeconds(4))));
    }

    [Test]
    public void Two_runs_of_the_same_periodic_timer_scenario_have_the_same_trace_hash() =>
        Determinism.AssertSameTraceHashTwice(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(300), Sim.Time);
            for (var i = 0; i < 5; i++)
            {
                await timer.WaitForNextTickAsync();
                Sim.Cpu(TimeSpan.FromMilliseconds(100 * i));
            }
        });
}
