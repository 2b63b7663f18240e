using System.Threading.RateLimiting;

namespace SimLoop.Integration.Tests.Libraries;

// System.Threading.RateLimiting takes no TimeProvider: it measures replenishment periods with Stopwatch (a clock read
// SimLoop cannot see yet: docs/limitations.md) and, with automatic replenishment, starts a real timer of its own. That
// timer is seen: the run fails at the step that creates the limiter instead of depending on the machine's clock.
public class RateLimitingTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

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
