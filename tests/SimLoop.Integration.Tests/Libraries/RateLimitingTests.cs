using System.Threading.RateLimiting;

namespace SimLoop.Integration.Tests.Libraries;

// System.Threading.RateLimiting takes no TimeProvider: it measures replenishment periods with Stopwatch, which SimLoop
// rewrites in the package's copy in the build output, and replenishes automatically on a System.Threading.Timer of its
// own, which the rewriting pairs with a timer of Sim.Time: both modes follow virtual time exactly.
public class RateLimitingTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Test]
    public void A_token_bucket_replenished_by_the_caller_admits_exactly_its_tokens_per_period()
    {
        var admitted = new List<(TimeSpan At, bool Acquired)>();
        Sim.Run(async () =>
        {
            using var limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = 2,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = Second,
                AutoReplenishment = false,
                QueueLimit = 0,
            });

            for (var tick = 0; tick < 3; tick++)
            {
                for (var request = 0; request < 2; request++)
                {
                    using var lease = limiter.AttemptAcquire();
                    admitted.Add((Sim.Elapsed, lease.IsAcquired));
                }

                await Sim.Delay(Second);
                limiter.TryReplenish();
            }
        });

        // Two tokens at the start; then one per period, replenished at 1 s and 2 s.
        Assert.That(admitted, Is.EqualTo(new[]
        {
            (TimeSpan.Zero, true), (TimeSpan.Zero, true),
            (Second, true), (Second, false),
            (2 * Second, true), (2 * Second, false),
        }));
    }

    [Test]
    public void Replenishing_before_the_period_has_passed_adds_nothing()
    {
        var result = Sim.Run(async () =>
        {
            using var limiter = new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
            {
                PermitLimit = 1,
                Window = Second,
                AutoReplenishment = false,
                QueueLimit = 0,
            });

            using var first = limiter.AttemptAcquire();
            await Sim.Delay(Second - TimeSpan.FromMilliseconds(1));
            limiter.TryReplenish();
            using var early = limiter.AttemptAcquire();
            await Sim.Delay(TimeSpan.FromMilliseconds(1));
            limiter.TryReplenish();
            using var onTime = limiter.AttemptAcquire();
            return (early.IsAcquired, onTime.IsAcquired);
        });

        Assert.That(result.Value, Is.EqualTo((false, true)));
    }

    [Test]
    public void Automatic_replenishment_adds_a_token_every_period_on_virtual_time()
    {
        var admitted = new List<(TimeSpan At, bool Acquired)>();
        Sim.Run(async () =>
        {
            using var limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = 1,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = Second,
                AutoReplenishment = true,
                QueueLimit = 0,
            });

            // Two requests every 600 ms: a token comes back each second, on the limiter's own (rewritten) Timer.
            for (var round = 0; round < 4; round++)
            {
                for (var request = 0; request < 2; request++)
                {
                    using var lease = limiter.AttemptAcquire();
                    admitted.Add((Sim.Elapsed, lease.IsAcquired));
                }

                await Sim.Delay(TimeSpan.FromMilliseconds(600));
            }
        });

        var ms = (int m) => TimeSpan.FromMilliseconds(m);
        Assert.That(admitted, Is.EqualTo(new[]
        {
            (ms(0), true), (ms(0), false),
            (ms(600), false), (ms(600), false),
            (ms(1200), true), (ms(1200), false),
            (ms(1800), false), (ms(1800), false),
        }));
    }
}
