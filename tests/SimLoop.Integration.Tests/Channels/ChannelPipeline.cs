using System.Threading.Channels;

namespace SimLoop.Integration.Tests.Channels;

/// <summary>
/// A bounded-channel pipeline run inside a simulation: a producer writes items, consumers square and sum them and
/// keep an in-flight gauge. Consumers read with WaitToReadAsync + TryRead: ReadAllAsync awaits with
/// ConfigureAwait(false) internally, which would leave the loop. <see cref="RunAsync"/> throws if an item was lost,
/// counted twice, or the gauge does not return to zero.
/// </summary>
internal sealed class ChannelPipeline(PipelineShape shape, bool racyGauge)
{
    private readonly Gauge _gauge = new(racyGauge);
    private readonly List<TimeSpan> _writes = [];
    private readonly Dictionary<string, List<int>> _taken = [];
    private long _sumOfSquares;
    private int _processed;

    /// <summary>The virtual instant each write completed (a write waits while the channel is full).</summary>
    public IReadOnlyList<TimeSpan> Writes => _writes;

    /// <summary>The items each consumer took, in order.</summary>
    public IReadOnlyDictionary<string, List<int>> Taken => _taken;

    public int MaxInFlight => _gauge.Max;

    public static Func<Task> Scenario(PipelineShape shape, bool racyGauge, Action<ChannelPipeline>? inspect = null) => async () =>
    {
        var pipeline = new ChannelPipeline(shape, racyGauge);
        await pipeline.RunAsync();
        inspect?.Invoke(pipeline);
    };

    public async Task RunAsync()
    {
        var channel = Channel.CreateBounded<int>(new BoundedChannelOptions(shape.Capacity) { FullMode = BoundedChannelFullMode.Wait });
        var tasks = new List<Task> { Sim.Spawn("producer", () => ProduceAsync(channel.Writer)) };
        for (var i = 1; i <= shape.Consumers; i++)
        {
            var name = $"consumer-{i}";
            _taken[name] = [];
            tasks.Add(Sim.Spawn(name, () => ConsumeAsync(name, channel.Reader)));
        }

        await Task.WhenAll(tasks);
        Check();
    }

    private async Task ProduceAsync(ChannelWriter<int> writer)
    {
        for (var item = 1; item <= shape.Items; item++)
        {
            await Sim.Delay(shape.ProduceEvery);
            await writer.WriteAsync(item);
            _writes.Add(Sim.Elapsed);
        }

        writer.Complete();
    }

    private async Task ConsumeAsync(string name, ChannelReader<int> reader)
    {
        while (await reader.WaitToReadAsync())
        {
            while (reader.TryRead(out var item))
            {
                _taken[name].Add(item);
                await _gauge.AddAsync(+1);
                await Sim.Delay(shape.Work);
                _sumOfSquares += item * item;
                _processed++;
                await _gauge.AddAsync(-1);
            }
        }
    }

    private void Check()
    {
        var n = shape.Items;
        var expectedSum = (long)n * (n + 1) * ((2 * n) + 1) / 6;
        if (_processed != n || _sumOfSquares != expectedSum)
        {
            throw new InvalidOperationException($"processed {_processed} items with sum of squares {_sumOfSquares}; expected {n} and {expectedSum}");
        }

        if (_gauge.Value != 0)
        {
            throw new InvalidOperationException($"the in-flight gauge reads {_gauge.Value} after every item was processed: an update was lost");
        }
    }
}
