using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace SimLoop.Integration.Tests.Resilience;

/// <summary>
/// The resilience pipelines under test, always built inside the run with <c>TimeProvider = Sim.Time</c>: Polly's
/// retry delays and its timeout's CancellationTokenSource then run on virtual time. A pipeline must not outlive its
/// run: the timeout strategy pools CancellationTokenSources whose timers belong to the loop that created them.
/// </summary>
internal static class Pipelines
{
    /// <summary>Retries <typeparamref name="TException"/> 3 times after 1 s, 2 s and 4 s: exponential, no jitter.</summary>
    public static RetryStrategyOptions ExponentialRetry<TException>()
        where TException : Exception => new()
    {
        ShouldHandle = new PredicateBuilder().Handle<TException>(),
        MaxRetryAttempts = 3,
        Delay = TimeSpan.FromSeconds(1),
        BackoffType = DelayBackoffType.Exponential,

        // Jitter draws from Polly's own random generator, which the simulation's seed does not drive.
        UseJitter = false,
    };

    public static ResiliencePipeline Retry() => new ResiliencePipelineBuilder { TimeProvider = Sim.Time }
        .AddRetry(ExponentialRetry<TransientFailureException>())
        .Build();

    public static ResiliencePipeline Timeout(TimeSpan timeout) => new ResiliencePipelineBuilder { TimeProvider = Sim.Time }
        .AddTimeout(timeout)
        .Build();

    /// <summary>Retry outside, timeout inside: every attempt gets its own timeout, and an attempt that times out is retried.</summary>
    public static ResiliencePipeline RetryEachAttemptWithTimeout(TimeSpan timeout) => new ResiliencePipelineBuilder { TimeProvider = Sim.Time }
        .AddRetry(ExponentialRetry<TimeoutRejectedException>())
        .AddTimeout(timeout)
        .Build();

    /// <summary>
    /// Executes with <see cref="ResilienceContext.ContinueOnCapturedContext"/> on, so every await inside Polly comes
    /// back to the loop. Polly's default is off: it awaits with ConfigureAwait(false), which leaves the loop.
    /// </summary>
    public static async Task<T> ExecuteOnLoopAsync<T>(this ResiliencePipeline pipeline, Func<ResilienceContext, ValueTask<T>> callback)
    {
        var context = ResilienceContextPool.Shared.Get(continueOnCapturedContext: true);
        try
        {
            return await pipeline.ExecuteAsync(callback, context);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }
}
