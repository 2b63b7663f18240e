using System.Diagnostics;

namespace SimLoop.Tests.Loop;

public class AutojumpTests
{
    [Test]
    public void An_hour_of_delay_finishes_with_an_hour_elapsed_without_waiting_in_real_time()
    {
        var wallClock = Stopwatch.StartNew();
        var result = Sim.Run(async () => await Sim.Delay(TimeSpan.FromHours(1)));
        wallClock.Stop();

        Assert.That(result.Elapsed, Is.EqualTo(TimeSpan.FromHours(1)));

        // Not a performance test: a guard that the clock jumped instead of waiting (a real wait takes an hour).
        Assert.That(wallClock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1)));
    }

    [Test]
    public void The_clock_jumps_straight_to_the_earliest_pending_timer()
    {
        var seen = new List<TimeSpan>();
        Sim.Run(async () =>
        {
            var slow = Sim.Spawn("slow", async () => { await Sim.Delay(TimeSpan.FromMinutes(5)); seen.Add(Sim.Elapsed); });
            var fast = Sim.Spawn("fast", async () => { await Sim.Delay(TimeSpan.FromSeconds(3)); seen.Add(Sim.Elapsed); });
            await Task.WhenAll(slow, fast);
        });

        Assert.That(seen, Is.EqualTo(new[] { TimeSpan.FromSeconds(3), TimeSpan.FromMinutes(5) }));
    }

    [Test]
    public void Retries_with_backoff_over_a_day_run_in_virtual_time()
    {
        var attempts = new List<TimeSpan>();
        var result = Sim.Run(async () =>
        {
            var backoff = TimeSpan.FromSeconds(1);
            for (var attempt = 0; attempt < 16; attempt++)
            {
                attempts.Add(Sim.Elapsed);
                await Sim.Delay(backoff);
                backoff *= 2;
            }
        });

        Assert.That(attempts[^1], Is.EqualTo(TimeSpan.FromSeconds(32767)));
        Assert.That(result.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(65535)));
    }

    [Test]
    public void Virtual_time_starts_at_the_year_2000_unless_configured()
    {
        DateTimeOffset defaultStart = default, customStart = default;
        Sim.Run(() => { defaultStart = Sim.Now; return Task.CompletedTask; });
        var configured = new DateTimeOffset(2030, 6, 1, 12, 0, 0, TimeSpan.Zero);
        Sim.Run(() => { customStart = Sim.Now; return Task.CompletedTask; }, new SimOptions { StartTime = configured });

        Assert.That(defaultStart, Is.EqualTo(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.That(customStart, Is.EqualTo(configured));
    }

    [Test]
    public void A_main_that_is_only_a_delay_finishes_when_the_timer_fires()
    {
        var result = Sim.Run(() => Sim.Delay(TimeSpan.FromSeconds(1)));
        Assert.That(result.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(1)));
        Assert.That(result.Steps, Is.EqualTo(1));
    }
}
