using Polly;

namespace SimLoop.Integration.Tests.Resilience;

/// <summary>
/// A remote call on virtual time: each call takes <paramref name="latency"/> (honouring the pipeline's token, as a
/// real client would), fails with <see cref="TransientFailureException"/> for the first <paramref name="failures"/> calls,
/// then answers 42. Records the virtual instant each call started and, if cancelled, when.
/// </summary>
internal sealed class FlakyService(TimeSpan latency, int failures = int.MaxValue)
{
    private readonly List<TimeSpan> _calls = [];

    public IReadOnlyList<TimeSpan> Calls => _calls;

    public TimeSpan? CancelledAt { get; private set; }

    public ValueTask<int> CallAsync(ResilienceContext context) => CallAsync(context.CancellationToken);

    public async ValueTask<int> CallAsync(CancellationToken cancellationToken)
    {
        _calls.Add(Sim.Elapsed);
        try
        {
            await Sim.Delay(latency, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            CancelledAt = Sim.Elapsed;
            throw;
        }

        return _calls.Count <= failures ? throw new TransientFailureException() : 42;
    }
}
