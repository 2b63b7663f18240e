namespace SimLoop.Integration.Tests.Resilience;

// Polly's retry strategy on virtual time. Delays are Polly's own arithmetic (2^attempt x base, no jitter); the
// simulation adds nothing, so every attempt happens at an exact virtual instant and seconds of backoff cost no
// real time.
public class RetryBackoffTests
{
    private static TimeSpan Ms(int milliseconds) => TimeSpan.FromMilliseconds(milliseconds);

    [Test]
    public void Exponential_backoff_without_jitter_attempts_at_exactly_0_1_3_and_7_seconds()
    {
        var service = new FlakyService(latency: TimeSpan.Zero);
        Exception? thrown = null;

        var result = Sim.Run(async () =>
        {
            var pipeline = Pipelines.Retry();
            try
            {
                await pipeline.ExecuteOnLoopAsync(service.CallAsync);
            }
            catch (TransientFailureException e)
            {
                thrown = e;
            }
        });

        Assert.That(service.Calls, Is.EqualTo(new[] { Ms(0), Ms(1000), Ms(3000), Ms(7000) }));
        Assert.That(thrown, Is.TypeOf<TransientFailureException>(), "after the last retry Polly rethrows the service's own exception");
        Assert.That(result.Elapsed, Is.EqualTo(Ms(7000)));
    }

    [Test]
    public void A_service_taking_100_ms_per_call_succeeds_on_the_fourth_attempt_at_exactly_7_4_seconds()
    {
        // Polly waits after a call has failed, so each attempt starts latency + delay after the previous one.
        var service = new FlakyService(latency: Ms(100), failures: 3);

        var result = Sim.Run(async () =>
        {
            var pipeline = Pipelines.Retry();
            var answer = await pipeline.ExecuteOnLoopAsync(service.CallAsync);
            return (answer, at: Sim.Elapsed);
        });

        Assert.That(service.Calls, Is.EqualTo(new[] { Ms(0), Ms(1100), Ms(3200), Ms(7300) }));
        Assert.That(result.Value, Is.EqualTo((42, Ms(7400))));
    }

    [Test]
    public void A_success_on_the_first_call_waits_for_nothing()
    {
        var service = new FlakyService(latency: Ms(100), failures: 0);

        var result = Sim.Run(async () => await Pipelines.Retry().ExecuteOnLoopAsync(service.CallAsync));

        Assert.That(service.Calls, Is.EqualTo(new[] { Ms(0) }));
        Assert.That(result.Value, Is.EqualTo(42));
        Assert.That(result.Elapsed, Is.EqualTo(Ms(100)));
    }
}
