using System.Threading.RateLimiting;

namespace SimLoop.Integration.Tests.Libraries;

// System.Threading.RateLimiting takes no TimeProvider: it measures replenishment periods with Stopwatch, which SimLoop
// rewrites in the package's copy in the build output, so manual replenishment follows virtual time exactly. With
// automatic replenishment it starts a System.Threading.Timer of its own, which cannot be simulated: the run fails at
// the step that creates the limiter instead of depending on the machine's clock.
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
    public void Automatic_replenishment_fails_at_the_step_that_creates_the_limiter()
    {
        var failure = Assert.Throws<SimulationFailedException>(() => Sim.Run(async () =>
        {
            await Sim.Delay(Second);
            using var limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = 2,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = Second,
                AutoReplenishment = true,
            });
        }))!;

        Assert.That(failure.Kind, Is.EqualTo(FailureKind.UncontrolledConcurrency));
        Assert.That(failure.Message, Does.StartWith(
            "SimLoop: task 'main' handed work to a real thread at virtual time 00:00:01.000 (step 1): new TokenBucketRateLimiter(...) started a real timer"));
    }
}
