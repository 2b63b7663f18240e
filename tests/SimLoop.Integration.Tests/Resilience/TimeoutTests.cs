using Polly.Timeout;

namespace SimLoop.Integration.Tests.Resilience;

// Polly's timeout strategy cancels through a CancellationTokenSource created on the pipeline's TimeProvider, so
// with Sim.Time the cancellation is a virtual timer: it fires at exactly its instant, however long the real run.
public class TimeoutTests
{
    private static TimeSpan Ms(int milliseconds) => TimeSpan.FromMilliseconds(milliseconds);

    [Test]
    public void The_timeout_cancels_a_hanging_call_at_exactly_2_seconds()
    {
        var service = new FlakyService(latency: TimeSpan.FromHours(1), failures: 0);
        TimeSpan? rejectedAt = null;

        var result = Sim.Run(async () =>
        {
            var pipeline = Pipelines.Timeout(Ms(2000));
            try
            {
                await pipeline.ExecuteOnLoopAsync(service.CallAsync);
            }
            catch (TimeoutRejectedException)
            {
                rejectedAt = Sim.Elapsed;
            }
        });

        Assert.That(service.CancelledAt, Is.EqualTo(Ms(2000)));
        Assert.That(rejectedAt, Is.EqualTo(Ms(2000)));
        Assert.That(result.Elapsed, Is.EqualTo(Ms(2000)));
    }

    [Test]
    public void A_call_finishing_one_tick_before_the_timeout_is_not_cancelled()
    {
        var justInTime = Ms(2000) - TimeSpan.FromTicks(1);
        var service = new FlakyService(latency: justInTime, failures: 0);

        var result = Sim.Run(async () => await Pipelines.Timeout(Ms(2000)).ExecuteOnLoopAsync(service.CallAsync));

        Assert.That(result.Value, Is.EqualTo(42));
        Assert.That(service.CancelledAt, Is.Null);
        Assert.That(result.Elapsed, Is.EqualTo(justInTime));
    }

    [Test]
    public void Retry_around_a_per_attempt_timeout_attempts_at_exactly_0_1_5_4_and_8_5_seconds()
    {
        // Each attempt hangs until its 500 ms timeout, then Polly backs off 1 s, 2 s, 4 s: attempt n starts at
        // (n x 500 ms) + (2^n - 1) s, and the last timeout is rejected 500 ms after the last start.
        var service = new FlakyService(latency: TimeSpan.FromHours(1), failures: 0);
        TimeSpan? rejectedAt = null;

        Sim.Run(async () =>
        {
            var pipeline = Pipelines.RetryEachAttemptWithTimeout(Ms(500));
            try
            {
                await pipeline.ExecuteOnLoopAsync(service.CallAsync);
            }
            catch (TimeoutRejectedException)
            {
                rejectedAt = Sim.Elapsed;
            }
        });

        Assert.That(service.Calls, Is.EqualTo(new[] { Ms(0), Ms(1500), Ms(4000), Ms(8500) }));
        Assert.That(rejectedAt, Is.EqualTo(Ms(9000)));
    }
}
