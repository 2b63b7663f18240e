namespace SimLoop.Integration.Tests.Resilience;

// Polly's default is ContinueOnCapturedContext = false: every await inside the pipeline uses ConfigureAwait(false).
// The first time anything Polly awaits completes asynchronously (here the service's own call, before any retry
// delay), the runtime sends Polly's continuation to the thread pool, outside the simulation. The run must fail
// rather than pass by luck or hang.
public class CapturedContextTests
{
    [Test]
    public void Polly_default_context_fails_the_run_instead_of_passing_or_hanging()
    {
        var service = new FlakyService(latency: TimeSpan.FromMilliseconds(100));

        var failure = Assert.Throws<SimulationFailedException>(() => Sim.Run(async () =>
        {
            // The everyday overload: no ResilienceContext, so Polly's default applies.
            await Pipelines.Retry().ExecuteAsync(service.CallAsync, CancellationToken.None);
        }))!;

        // Either the pool thread's report (the continuation starting there) or the loop's own verdict when it runs out
        // of work (a task waiting on a finished task whose continuation went to the pool): both are this kind, and
        // both name ConfigureAwait(false).
        Assert.That(failure.Kind, Is.EqualTo(FailureKind.UncontrolledConcurrency), failure.Message);
        Assert.That(failure.Message, Does.Contain("ConfigureAwait(false)"));
        Assert.That(failure.Message, Does.Contain("RetryResilienceStrategy.ExecuteCore").Or.Contain("completed with ConfigureAwait(false) in effect"));

        Assert.That(service.Calls, Is.EqualTo(new[] { TimeSpan.Zero }), "the second attempt never happened: Polly left the loop after the first call failed");
    }
}
