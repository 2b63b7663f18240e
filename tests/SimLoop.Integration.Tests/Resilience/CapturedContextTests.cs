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

        // Expected: UncontrolledConcurrency naming ConfigureAwait(false). A few runs in a thousand (more with the CPU
        // saturated) SimLoop reports Deadlock instead: when the loop runs out of work it waits for an escape report
        // 1 ms, then up to 20 ms more only while the thread pool's process-wide counters differ from their value at
        // the start of the run. They are back to that value while a pool thread has dequeued the continuation but
        // not yet restored its ExecutionContext, which is where the escape is detected. Tighten this to
        // UncontrolledConcurrency alone once SimLoop's check no longer depends on timing.
        Assert.That(failure.Kind, Is.AnyOf(FailureKind.UncontrolledConcurrency, FailureKind.Deadlock), failure.Message);
        if (failure.Kind == FailureKind.UncontrolledConcurrency)
        {
            Assert.That(failure.Message, Does.Contain("the awaited operation completed with ConfigureAwait(false) in effect"));
        }
        else
        {
            Assert.That(failure.Message, Does.Contain("RetryResilienceStrategy.ExecuteCore"), "the deadlock report still shows where main is stuck");
        }

        Assert.That(service.Calls, Is.EqualTo(new[] { TimeSpan.Zero }), "the second attempt never happened: Polly left the loop after the first call failed");
    }
}
