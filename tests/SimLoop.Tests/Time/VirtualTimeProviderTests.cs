namespace SimLoop.Tests.Time;

public class VirtualTimeProviderTests
{
    [Test]
    public void GetUtcNow_and_timestamps_follow_virtual_time()
    {
        DateTimeOffset now = default;
        TimeSpan measured = default;
        Sim.Run(async () =>
        {
            var start = Sim.Time.GetTimestamp();
            await Sim.Delay(TimeSpan.FromMilliseconds(1234));
            measured = Sim.Time.GetElapsedTime(start);
            now = Sim.Time.GetUtcNow();
        });

        Assert.That(measured, Is.EqualTo(TimeSpan.FromMilliseconds(1234)));
        Assert.That(now, Is.EqualTo(SimOptions.DefaultStartTime + TimeSpan.FromMilliseconds(1234)));
    }

    [Test]
    public void The_local_time_zone_is_UTC_so_runs_do_not_depend_on_the_machine()
    {
        TimeZoneInfo? zone = null;
        Sim.Run(() => { zone = Sim.Time.LocalTimeZone; return Task.CompletedTask; });
        Assert.That(zone, Is.EqualTo(TimeZoneInfo.Utc));
    }

    [Test]
    public void A_periodic_timer_fires_at_every_period_as_loop_steps_of_its_creator()
    {
        var ticks = new List<TimeSpan>();
        var result = Sim.Run(async () =>
        {
            var done = new TaskCompletionSource();
            using var timer = Sim.Time.CreateTimer(_ =>
            {
                ticks.Add(Sim.Elapsed);
                if (ticks.Count == 3)
                {
                    done.SetResult();
                }
            }, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
            await done.Task;
        }, new SimOptions { RecordTrace = true });

        Assert.That(ticks, Is.EqualTo(new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(5) }));
        Assert.That(result.Trace.Steps.Where(s => s.Reason == ReadyReason.Timer).Select(s => s.Task), Has.All.EqualTo("main"));
    }

    [Test]
    public void Change_moves_a_timer_and_Dispose_silences_it()
    {
        var fired = new List<string>();
        Sim.Run(async () =>
        {
            var moved = Sim.Time.CreateTimer(_ => fired.Add("moved at " + Sim.Elapsed), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
            var disposed = Sim.Time.CreateTimer(_ => fired.Add("disposed"), null, TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);
            Assert.That(moved.Change(TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan), Is.True);
            disposed.Dispose();
            Assert.That(disposed.Change(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan), Is.False);
            await Sim.Delay(TimeSpan.FromSeconds(10));
            moved.Dispose();
        });

        Assert.That(fired, Is.EqualTo(new[] { "moved at 00:00:05" }));
    }

    [Test]
    public void A_timer_with_infinite_due_time_never_fires_until_changed()
    {
        var fired = new List<TimeSpan>();
        Sim.Run(async () =>
        {
            using var timer = Sim.Time.CreateTimer(_ => fired.Add(Sim.Elapsed), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            await Sim.Delay(TimeSpan.FromSeconds(3));
            timer.Change(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
            await Sim.Delay(TimeSpan.FromSeconds(3));
        });

        Assert.That(fired, Is.EqualTo(new[] { TimeSpan.FromSeconds(4) }));
    }

    [Test]
    public void A_negative_interval_is_refused()
    {
        var failure = Assert.Throws<SimulationFailedException>(() => Sim.Run(() =>
        {
            Sim.Time.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(-2), Timeout.InfiniteTimeSpan);
            return Task.CompletedTask;
        }))!;
        Assert.That(failure.InnerException, Is.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void A_negative_delay_is_refused()
    {
        var failure = Assert.Throws<SimulationFailedException>(() => Sim.Run(() => Sim.Delay(TimeSpan.FromTicks(-1))))!;
        Assert.That(failure.InnerException, Is.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void A_cancelled_delay_ends_at_the_instant_of_cancellation()
    {
        TimeSpan endedAt = default;
        Sim.Run(async () =>
        {
            using var cancellation = new CancellationTokenSource();
            var sleeper = Sim.Spawn("sleeper", async () =>
            {
                try
                {
                    await Sim.Delay(TimeSpan.FromHours(1), cancellation.Token);
                }
                catch (OperationCanceledException)
                {
                    endedAt = Sim.Elapsed;
                }
            });
            await Sim.Delay(TimeSpan.FromSeconds(7));
            // Cancel, not CancelAsync: CancelAsync runs the callbacks on the real thread pool (docs/limitations.md).
            cancellation.Cancel();
            await sleeper;
        });

        Assert.That(endedAt, Is.EqualTo(TimeSpan.FromSeconds(7)));
    }
}
