using Polly;
using Polly.Timeout;

namespace SimLoop.Integration.Tests.Resilience;

// Polly's default is ContinueOnCapturedContext = false: every await inside the pipeline uses ConfigureAwait(false),
// so each time something Polly awaits completes, the runtime queues Polly's continuation to the thread pool. SimLoop
// runs that work as a step of the task that queued it (ready by ThreadPool in the trace), so the everyday overload,
// with no ResilienceContext, gives exactly the instants the captured-context tests pin.
public class CapturedContextTests
{
    private static TimeSpan Ms(int milliseconds) => TimeSpan.FromMilliseconds(milliseconds);

    [Test]
    public void Retry_with_polly_defaults_attempts_at_exactly_0_1_1_3_2_and_7_3_seconds()
    {
        var service = new FlakyService(latency: Ms(100), failures: 3);

        var result = Sim.Run(async () =>
        {
            var answer = await Pipelines.Retry().ExecuteAsync(service.CallAsync, CancellationToken.None);
            return (answer, at: Sim.Elapsed);
        });

        Assert.That(service.Calls, Is.EqualTo(new[] { Ms(0), Ms(1100), Ms(3200), Ms(7300) }));
        Assert.That(result.Value, Is.EqualTo((42, Ms(7400))));
        Assert.That(result.Trace.Steps.Count(step => step.Reason == ReadyReason.ThreadPool), Is.GreaterThan(0), "Polly's continuations ran as pool work");
    }

    [Test]
    public void Timeout_with_polly_defaults_cancels_a_hanging_call_at_exactly_2_seconds()
    {
        var service = new FlakyService(latency: TimeSpan.FromHours(1), failures: 0);

        var result = Sim.Run(() => RejectedAt(Pipelines.Timeout(Ms(2000)), service));

        Assert.That(result.Value, Is.EqualTo(Ms(2000)));
        Assert.That(service.CancelledAt, Is.EqualTo(Ms(2000)));
    }

    [Test]
    public void Retry_around_a_timeout_with_polly_defaults_attempts_at_exactly_0_1_5_4_and_8_5_seconds()
    {
        var service = new FlakyService(latency: TimeSpan.FromHours(1), failures: 0);

        var result = Sim.Run(() => RejectedAt(Pipelines.RetryEachAttemptWithTimeout(Ms(500)), service));

        Assert.That(service.Calls, Is.EqualTo(new[] { Ms(0), Ms(1500), Ms(4000), Ms(8500) }));
        Assert.That(result.Value, Is.EqualTo(Ms(9000)));
    }

    [Test]
    public void Polly_without_a_time_provider_retries_and_times_out_on_virtual_time_too()
    {
        // No TimeProvider given: Polly takes TimeProvider.System, which the build-time rewriting turns into the
        // simulation's clock inside a run (its own copy of Polly.Core.dll in the build output is rewritten).
        var service = new FlakyService(latency: TimeSpan.FromHours(1), failures: 0);

        var result = Sim.Run(() =>
        {
            var pipeline = new ResiliencePipelineBuilder()
                .AddRetry(Pipelines.ExponentialRetry<Polly.Timeout.TimeoutRejectedException>())
                .AddTimeout(Ms(500))
                .Build();
            return RejectedAt(pipeline, service);
        });

        Assert.That(service.Calls, Is.EqualTo(new[] { Ms(0), Ms(1500), Ms(4000), Ms(8500) }));
        Assert.That(result.Value, Is.EqualTo(Ms(9000)));
    }

    [Test]
    public void Polly_defaults_give_the_same_run_every_time()
    {
        var hashes = Enumerable.Range(0, 200).Select(_ =>
        {
            var service = new FlakyService(latency: Ms(100), failures: 3);
            return Sim.Run(async () => await Pipelines.Retry().ExecuteAsync(service.CallAsync, CancellationToken.None)).Trace.Hash;
        }).Distinct().ToList();

        Assert.That(hashes, Has.Count.EqualTo(1));
    }

    [Test]
    public void Strict_mode_fails_polly_defaults_at_the_first_continuation_it_queues()
    {
        var service = new FlakyService(latency: Ms(100));

        var failure = Assert.Throws<SimulationFailedException>(() => Sim.Run(
            async () => await Pipelines.Retry().ExecuteAsync(service.CallAsync, CancellationToken.None),
            new SimOptions { RejectThreadPoolWork = true }))!;

        Assert.That(failure.Kind, Is.EqualTo(FailureKind.UncontrolledConcurrency), failure.Message);
        Assert.That(failure.Message, Does.StartWith(
            "SimLoop: task 'main' handed work to a real thread at virtual time 00:00:00.100 (step 1): returning from FlakyService.CallAsync completed a task, " +
            "and the runtime queued one of its continuations to the thread pool: an await with ConfigureAwait(false)"));
        Assert.That(service.Calls, Is.EqualTo(new[] { TimeSpan.Zero }), "the run stopped at the step that queued Polly's continuation");
    }

    /// <summary>The pipeline's default overload on the service; the virtual instant its timeout was rejected, or null.</summary>
    private static async Task<TimeSpan?> RejectedAt(ResiliencePipeline pipeline, FlakyService service)
    {
        try
        {
            await pipeline.ExecuteAsync(service.CallAsync, CancellationToken.None);
            return null;
        }
        catch (TimeoutRejectedException)
        {
            return Sim.Elapsed;
        }
    }
}
