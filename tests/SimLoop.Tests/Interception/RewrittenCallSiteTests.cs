using System.Diagnostics;
using SimLoop.Interception;

namespace SimLoop.Tests.Interception;

// This test assembly is rewritten at build like a user's (src/SimLoop/build/SimLoop.targets): inside a simulation,
// every clock read and real-time wait below runs on virtual time, at exact instants; outside, on the machine's clock.
public class RewrittenCallSiteTests
{
    private static readonly DateTime Start = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Test]
    public void Clock_reads_inside_a_simulation_read_virtual_time()
    {
        var result = Sim.Run(async () =>
        {
            await Sim.Delay(Hour);
            return (DateTime.UtcNow, DateTimeOffset.UtcNow, Environment.TickCount64, Environment.TickCount, TimeProvider.System.GetUtcNow());
        });

        Assert.That(result.Value, Is.EqualTo((Start + Hour, new DateTimeOffset(Start + Hour), 3_600_000L, 3_600_000, new DateTimeOffset(Start + Hour))));
    }

    [Test]
    public void Time_provider_system_stands_in_for_the_simulation_under_an_identity_of_its_own()
    {
        // Libraries compare a provider they were given with TimeProvider.System to take a real-clock shortcut: one given
        // Sim.Time must not be mistaken for the system's.
        var result = Sim.Run(() => Task.FromResult((ReferenceEquals(TimeProvider.System, Sim.Time), ReferenceEquals(TimeProvider.System, TimeProvider.System))));

        Assert.That(result.Value, Is.EqualTo((false, true)));
    }

    [Test]
    public void A_stopwatch_started_inside_a_simulation_measures_virtual_time()
    {
        var result = Sim.Run(async () =>
        {
            var watch = Stopwatch.StartNew();
            var start = Stopwatch.GetTimestamp();
            await Sim.Delay(TimeSpan.FromMilliseconds(2500));
            var lap = (watch.Elapsed, watch.ElapsedMilliseconds, Stopwatch.GetElapsedTime(start));
            watch.Stop();
            await Sim.Delay(Hour);
            return (lap, watch.Elapsed, watch.IsRunning);
        });

        var expected = TimeSpan.FromMilliseconds(2500);
        Assert.That(result.Value, Is.EqualTo(((expected, 2500L, expected), expected, false)));
    }

    [Test]
    public void Thread_sleep_in_a_step_blocks_the_loop_for_exactly_its_duration_in_virtual_time()
    {
        var result = Sim.Run(async () =>
        {
            var heartbeat = Sim.Spawn("heartbeat", async () => await Sim.Delay(TimeSpan.FromMilliseconds(100)));
            await Sim.Delay(TimeSpan.FromMilliseconds(50));
            Thread.Sleep(200);
            await heartbeat;
        });

        Assert.That(result.Fairness.Task("heartbeat").MaxTimerLateness, Is.EqualTo(TimeSpan.FromMilliseconds(150)));
        Assert.That(result.Fairness.Task("main").BlockTime, Is.EqualTo(TimeSpan.FromMilliseconds(200)));
        Assert.That(result.Elapsed, Is.EqualTo(TimeSpan.FromMilliseconds(250)));
    }

    [Test]
    public void Thread_sleep_inside_sim_to_thread_work_takes_no_extra_time_the_declared_cost_is_the_duration()
    {
        var result = Sim.Run(async () =>
        {
            await Sim.ToThread(() => Thread.Sleep(5_000), TimeSpan.FromMilliseconds(300));
            return Sim.Elapsed;
        });

        Assert.That(result.Value, Is.EqualTo(TimeSpan.FromMilliseconds(300)));
    }

    [Test]
    public void Local_time_inside_a_simulation_is_in_the_simulations_time_zone_so_runs_replay_on_any_machine()
    {
        var result = Sim.Run(async () =>
        {
            await Sim.Delay(Hour);
            return (DateTime.Now, DateTimeOffset.Now);
        });

        Assert.That(result.Value.Item1, Is.EqualTo(new DateTime(2000, 1, 1, 1, 0, 0, DateTimeKind.Local)));
        Assert.That(result.Value.Item1.Kind, Is.EqualTo(DateTimeKind.Local));
        Assert.That(result.Value.Item2, Is.EqualTo(new DateTimeOffset(2000, 1, 1, 1, 0, 0, TimeSpan.Zero)));
    }

    [Test]
    public void A_thread_started_inside_a_simulation_fails_the_run_at_that_step_and_is_not_started()
    {
        var ran = false;
        var failure = Assert.Throws<SimulationFailedException>(() => Sim.Run(async () =>
        {
            await Sim.Delay(Hour);
            new Thread(() => ran = true).Start();
        }))!;

        Assert.That(failure.Kind, Is.EqualTo(FailureKind.UncontrolledConcurrency));
        Assert.That(failure.Message, Does.StartWith(
            "SimLoop: task 'main' handed work to a real thread at virtual time 01:00:00.000 (step 1): Thread.Start() would start a dedicated thread, " +
            "which runs beside the loop on real time (it was not started). Called from:"));
        Assert.That(ran, Is.False);
    }

    [Test]
    public void A_long_running_task_runs_on_the_pool_as_a_step_of_the_loop()
    {
        var result = Sim.Run(async () =>
        {
            await Sim.Delay(Hour);
            var at = await Task.Factory.StartNew(() => Sim.Elapsed, TaskCreationOptions.LongRunning);
            await Task.Factory.StartNew(() => { }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            return at;
        });

        Assert.That(result.Value, Is.EqualTo(Hour));
        Assert.That(result.Trace.Steps.Count(step => step.Reason == ReadyReason.ThreadPool), Is.EqualTo(2));
    }

    [Test]
    public void A_task_delay_without_a_time_provider_is_a_virtual_timer_and_wins_its_race_at_its_instant()
    {
        var result = Sim.Run(async () =>
        {
            var slow = Sim.Delay(TimeSpan.FromSeconds(5));
            var fast = Task.Delay(TimeSpan.FromMilliseconds(100));
            var winner = await Task.WhenAny(slow, fast);
            return (winner == fast, Sim.Elapsed);
        });

        Assert.That(result.Value, Is.EqualTo((true, TimeSpan.FromMilliseconds(100))));
    }

    [Test]
    public void Timeouts_without_a_time_provider_fire_at_their_virtual_instants()
    {
        var result = Sim.Run(async () =>
        {
            using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            var cancelledAt = TimeSpan.Zero;
            using var registration = cancellation.Token.Register(() => cancelledAt = Sim.Elapsed);
            var timedOutAt = TimeSpan.Zero;
            try
            {
                await new TaskCompletionSource().Task.WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (TimeoutException)
            {
                timedOutAt = Sim.Elapsed;
            }

            var ticks = new List<TimeSpan>();
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
            for (var i = 0; i < 2 && await timer.WaitForNextTickAsync(); i++)
            {
                ticks.Add(Sim.Elapsed);
            }

            return (cancelledAt, timedOutAt, string.Join(" ", ticks));
        });

        Assert.That(result.Value, Is.EqualTo((TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), "00:00:06 00:00:07")));
    }

    [Test]
    public void A_system_threading_timer_fires_on_virtual_time_and_stops_when_changed_or_disposed()
    {
        var result = Sim.Run(async () =>
        {
            var fired = new List<TimeSpan>();
            var periodic = new Timer(_ => fired.Add(Sim.Elapsed), null, 100, 250);
            await Sim.Delay(TimeSpan.FromMilliseconds(700));
            periodic.Change(Timeout.Infinite, Timeout.Infinite);
            await Sim.Delay(TimeSpan.FromSeconds(1));
            periodic.Change(TimeSpan.FromMilliseconds(50), Timeout.InfiniteTimeSpan);
            await Sim.Delay(TimeSpan.FromSeconds(1));
            periodic.Dispose();

            using (new Timer(_ => fired.Add(TimeSpan.MaxValue), null, 10_000, Timeout.Infinite))
            {
                // Disposed through IDisposable before it is due: it never fires.
            }

            await Sim.Delay(TimeSpan.FromSeconds(20));
            return fired;
        });

        Assert.That(result.Value, Is.EqualTo(new[]
        {
            TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(350), TimeSpan.FromMilliseconds(600), TimeSpan.FromMilliseconds(1750),
        }));
    }

    [Test]
    public void A_ttl_read_from_date_time_utc_now_expires_at_exactly_its_virtual_instant()
    {
        var result = Sim.Run(async () =>
        {
            var cache = new TtlCache(TimeSpan.FromMinutes(5));
            cache.Put("token");
            await Sim.Delay(TimeSpan.FromMinutes(5) - TimeSpan.FromTicks(1));
            var stillValid = cache.IsValid();
            await Sim.Delay(TimeSpan.FromTicks(1));
            return (stillValid, cache.IsValid());
        });

        Assert.That(result.Value, Is.EqualTo((true, false)));
    }

    [Test]
    public void Outside_a_simulation_the_same_calls_read_the_machines_clock()
    {
        Assert.That(DateTime.UtcNow.Year, Is.GreaterThanOrEqualTo(2026));
        Assert.That(TimeProvider.System, Is.Not.Null);
        var watch = Stopwatch.StartNew();
        Assert.That(watch.IsRunning, Is.True);
    }

    [Test]
    public void A_method_marked_not_rewritten_keeps_the_machines_clock_inside_a_simulation()
    {
        var result = Sim.Run(ReadsTheRealClock);

        Assert.That(result.Value.Year, Is.GreaterThanOrEqualTo(2026));
    }

    [NotRewritten]
    private static Task<DateTime> ReadsTheRealClock() => Task.FromResult(DateTime.UtcNow);

    /// <summary>What users write: a value valid for a time to live, read against DateTime.UtcNow.</summary>
    private sealed class TtlCache(TimeSpan ttl)
    {
        private DateTime _expires;

        public void Put(string value)
        {
            _ = value;
            _expires = DateTime.UtcNow + ttl;
        }

        public bool IsValid() => DateTime.UtcNow < _expires;
    }
}
