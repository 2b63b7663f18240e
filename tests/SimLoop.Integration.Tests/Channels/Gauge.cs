namespace SimLoop.Integration.Tests.Channels;

/// <summary>
/// The "items in flight" gauge the consumers keep, published to a metrics sink on every change. Publishing is
/// asynchronous: one hop through the loop.
/// </summary>
internal sealed class Gauge(bool racy)
{
    public int Value { get; private set; }

    public int Max { get; private set; }

    public async Task AddAsync(int delta)
    {
        if (racy)
        {
            // The bug: read, await the publish, then write what was read. Another consumer that changes the gauge
            // during the await has its change overwritten.
            var next = Value + delta;
            await PublishAsync(next);
            Value = next;
        }
        else
        {
            // Update first (no await between read and write: one step, so atomic on the loop), then publish.
            Value += delta;
            await PublishAsync(Value);
        }

        Max = Math.Max(Max, Value);
    }

    /// <summary>Hands the value to the exporter's queue, which gives the loop back once.</summary>
    private static SimYieldAwaitable PublishAsync(int value)
    {
        _ = value;
        return Sim.Yield();
    }
}
