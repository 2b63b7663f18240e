namespace SimLoop.Benchmarks.Workloads;

/// <summary>
/// A bounded buffer whose consumer checks "empty", does a little work and yields, then registers for a wake-up
/// without checking again: a producer that puts in between signals nobody, and the consumer sleeps forever (a
/// deadlock). The same program as tests/SimLoop.Tests/Exploration/Bugs/LostWakeUp.cs; <c>Fixed</c> checks again
/// after the yield. The Coyote twin is CoyoteWorkloads.BoundedBuffer.
/// </summary>
public static class BoundedBuffer
{
    public static Task Buggy() => Run(fixedVersion: false);

    public static Task Fixed() => Run(fixedVersion: true);

    private static async Task Run(bool fixedVersion)
    {
        var buffer = new Buffer(fixedVersion);
        var consumer = Sim.Spawn("consumer", async () =>
        {
            await Sim.Delay(TimeSpan.FromMilliseconds(1));
            return await buffer.Take();
        });
        var producer = Sim.Spawn("producer", async () =>
        {
            await Sim.Delay(TimeSpan.FromMilliseconds(2));
            buffer.Put(42);
        });
        await Task.WhenAll(consumer, producer);
    }

    private sealed class Buffer(bool fixedVersion)
    {
        private readonly Queue<int> _items = new();
        private TaskCompletionSource? _notEmpty;

        public void Put(int item)
        {
            _items.Enqueue(item);
            var waiter = _notEmpty;
            _notEmpty = null;
            waiter?.SetResult();
        }

        public async Task<int> Take()
        {
            while (_items.Count == 0)
            {
                Sim.Cpu(TimeSpan.FromMilliseconds(2), "metrics");
                await Sim.Yield();
                if (fixedVersion && _items.Count > 0)
                {
                    break;
                }

                _notEmpty = new TaskCompletionSource();
                await _notEmpty.Task;
            }

            return _items.Dequeue();
        }
    }
}
