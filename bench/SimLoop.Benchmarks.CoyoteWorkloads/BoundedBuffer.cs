namespace SimLoop.Benchmarks.CoyoteWorkloads;

/// <summary>
/// The bounded buffer that loses a wake-up: the consumer checks "empty", yields, then registers for a wake-up
/// without checking again; a producer that puts in between signals nobody and the consumer waits forever, which
/// Coyote reports as a deadlock. Task.Delay stands for Sim.Delay (Coyote controls it, without virtual time).
/// </summary>
public static class BoundedBuffer
{
    public static Task Buggy() => Run(fixedVersion: false);

    public static Task Fixed() => Run(fixedVersion: true);

    private static async Task Run(bool fixedVersion)
    {
        var buffer = new Buffer(fixedVersion);
        var consumer = Task.Run(async () =>
        {
            await Task.Delay(1);
            return await buffer.Take();
        });
        var producer = Task.Run(async () =>
        {
            await Task.Delay(2);
            buffer.Put(42);
        });
        await Task.WhenAll(new Task[] { consumer, producer });
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
                await Task.Yield();
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
