#pragma warning disable CS0618 // MemoryCacheOptions.Clock
using Microsoft.Extensions.Caching.Memory;

namespace SimLoop.Integration.Tests.Libraries;

// Microsoft.Extensions.Caching.Memory on virtual time: its clock is Sim.Time, its expiry scan and eviction callbacks
// run on the thread pool (Task.Factory.StartNew), and GetOrCreateAsync awaits the factory with ConfigureAwait(false);
// all of that runs as steps of the loop.
public class MemoryCacheTests
{
    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    [Test]
    public void Sliding_expiration_evicts_at_the_first_access_after_the_window_and_the_callback_sees_that_instant()
    {
        var evictions = new List<(object Key, EvictionReason Reason, TimeSpan At)>();
        var hits = new List<(TimeSpan At, bool Hit)>();

        Sim.Run(async () =>
        {
            using var cache = new MemoryCache(new MemoryCacheOptions { Clock = new SimSystemClock(), ExpirationScanFrequency = S(60) });
            var options = new MemoryCacheEntryOptions { SlidingExpiration = S(60) };
            options.RegisterPostEvictionCallback((key, _, reason, _) => evictions.Add((key, reason, Sim.Elapsed)));
            cache.Set("session", "alice", options);

            // Accessed at 30 s and 80 s: each access renews the 60 s window, so it lasts until 140 s.
            foreach (var at in new[] { 30, 80, 139, 200 })
            {
                await Sim.Delay(S(at) - Sim.Elapsed);
                hits.Add((Sim.Elapsed, cache.TryGetValue("session", out _)));
            }

            // The eviction callback was queued to the pool at 200 s; give it its step.
            await Sim.Yield();
        });

        Assert.That(hits, Is.EqualTo(new[] { (S(30), true), (S(80), true), (S(139), true), (S(200), false) }));
        Assert.That(evictions, Is.EqualTo(new[] { ((object)"session", EvictionReason.Expired, S(200)) }));
    }

    [Test]
    public void The_expiry_scan_evicts_an_untouched_entry_when_another_key_is_read_after_the_scan_interval()
    {
        var evictions = new List<(object Key, TimeSpan At)>();

        Sim.Run(async () =>
        {
            using var cache = new MemoryCache(new MemoryCacheOptions { Clock = new SimSystemClock(), ExpirationScanFrequency = S(60) });
            var options = new MemoryCacheEntryOptions { SlidingExpiration = S(60) };
            options.RegisterPostEvictionCallback((key, _, _, _) => evictions.Add((key, Sim.Elapsed)));
            cache.Set("stale", 1, options);

            // Never read again; at 3 minutes a read of another key starts the scan (its interval has passed).
            await Sim.Delay(S(180));
            _ = cache.TryGetValue("other", out _);
            await Sim.Delay(S(1));
        });

        Assert.That(evictions, Is.EqualTo(new[] { ((object)"stale", S(180)) }));
    }

    [Test]
    public void Without_a_clock_option_the_cache_reads_date_time_utc_now_which_is_virtual_inside_the_simulation()
    {
        var hits = new List<bool>();
        Sim.Run(async () =>
        {
            using var cache = new MemoryCache(new MemoryCacheOptions());
            cache.Set("quote", 1.25, TimeSpan.FromMinutes(10));
            await Sim.Delay(TimeSpan.FromMinutes(10) - TimeSpan.FromTicks(1));
            hits.Add(cache.TryGetValue("quote", out _));
            await Sim.Delay(TimeSpan.FromTicks(1));
            hits.Add(cache.TryGetValue("quote", out _));
        });

        Assert.That(hits, Is.EqualTo(new[] { true, false }));
    }

    [Test]
    public void Exploration_reports_the_users_assertion_when_two_get_or_create_async_calls_both_run_the_factory()
    {
        var explored = Sim.Explore(async () =>
        {
            using var cache = new MemoryCache(new MemoryCacheOptions { Clock = new SimSystemClock() });
            var factoryRuns = 0;
            async Task<int> Load() => await cache.GetOrCreateAsync("config", async _ =>
            {
                factoryRuns++;
                await Sim.Delay(S(0.1));
                return 42;
            });

            await Task.WhenAll(Sim.Spawn("first", Load), Sim.Spawn("second", Load));
            Assert.That(factoryRuns, Is.EqualTo(1), "factory ran twice");
        }, new ExploreOptions { Iterations = 50, Seed = 3, Parallelism = 1 });

        Assert.That(explored.Failure, Is.Not.Null);
        Assert.That(explored.Failure!.Kind, Is.EqualTo(FailureKind.Exception));
        Assert.That(explored.Failure.Message, Does.Contain("factory ran twice"));
        Assert.That(explored.Failure.Message, Does.Contain("replay with: new ExploreOptions { Replay = \""));
    }
}
