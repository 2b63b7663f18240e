namespace SimLoop.Integration.Tests.Resilience;

// Polly's default is ContinueOnCapturedContext = false: every await inside the pipeline uses ConfigureAwait(false).
// The first time anything Polly awaits completes asynchronously (here the service's own call, before any retry
// delay), the runtime sends Polly's continuation to the thread pool, outside the simulation. The run must fail at
// that step rather than pass by luck or hang.
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

        // Polly awaits the service with ConfigureAwait(false): when the service's call fails at 100 ms, the runtime
        // queues Polly's continuation to the thread pool, and the run fails at that step, naming the method.
        Assert.That(failure.Kind, Is.EqualTo(FailureKind.UncontrolledConcurrency), failure.Message);
        Assert.That(failure.Message, Does.StartWith(
            "SimLoop: task 'main' handed work to a real thread at virtual time 00:00:00.100 (step 1): returning from FlakyService.CallAsync completed a task, " +
            "and the runtime queued one of its continuations to the thread pool: an await with ConfigureAwait(false)"));

        Assert.That(service.Calls, Is.EqualTo(new[] { TimeSpan.Zero }), "the second attempt never happened: Polly left the loop after the first call failed");
    }
}
