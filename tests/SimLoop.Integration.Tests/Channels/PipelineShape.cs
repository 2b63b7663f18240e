namespace SimLoop.Integration.Tests.Channels;

/// <summary>
/// The shape of a producer/consumer pipeline on a bounded channel: one producer writes items 1..<see cref="Items"/>,
/// one every <see cref="ProduceEvery"/>; <see cref="Consumers"/> consumers each take <see cref="Work"/> per item.
/// </summary>
public sealed record PipelineShape(int Items, int Capacity, int Consumers, TimeSpan ProduceEvery, TimeSpan Work)
{
    /// <summary>Two consumers of 30 ms cannot keep up with an item every 10 ms: the channel fills and the producer waits.</summary>
    public static PipelineShape Backpressure { get; } = new(Items: 10, Capacity: 2, Consumers: 2, Ms(10), Ms(30));

    /// <summary>
    /// Three consumers of 20 ms keep up with an item every 10 ms, so one of them is always idle when an item
    /// arrives, and a consumer finishes an item at the very instant the next one is written.
    /// </summary>
    public static PipelineShape Headroom { get; } = new(Items: 12, Capacity: 2, Consumers: 3, Ms(10), Ms(20));

    public override string ToString() => $"{Items} items, capacity {Capacity}, {Consumers} consumers";

    private static TimeSpan Ms(int milliseconds) => TimeSpan.FromMilliseconds(milliseconds);
}
