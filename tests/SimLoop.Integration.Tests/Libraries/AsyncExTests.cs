using Nito.AsyncEx;

namespace SimLoop.Integration.Tests.Libraries;

// Nito.AsyncEx.Coordination completes its waiters through TaskCompletionSources that run continuations
// asynchronously, and awaits with ConfigureAwait(false): both reach the thread pool and run as steps of the loop.
public class AsyncExTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Test]
    public void Async_manual_reset_event_wait_async_with_a_token_wakes_at_the_set_instant()
    {
        var result = Sim.Run(async () =>
        {
            var signal = new AsyncManualResetEvent();
            using var cancellation = new CancellationTokenSource();
            var waiter = Sim.Spawn("waiter", async () =>
            {
                await signal.WaitAsync(cancellation.Token);
                return Sim.Elapsed;
            });
            await Sim.Delay(Second);
            signal.Set();
            return await waiter;
        });

        Assert.That(result.Value, Is.EqualTo(Second));
    }

    [Test]
    public void Async_manual_reset_event_wait_async_is_cancelled_at_the_instant_of_a_sim_time_token()
    {
        var result = Sim.Run(async () =>
        {
            var signal = new AsyncManualResetEvent();
            using var cancellation = new CancellationTokenSource(2 * Second, Sim.Time);
            try
            {
                await signal.WaitAsync(cancellation.Token);
                return TimeSpan.MinValue;
            }
            catch (OperationCanceledException)
            {
                return Sim.Elapsed;
            }
        });

        Assert.That(result.Value, Is.EqualTo(2 * Second));
    }

    [Test]
    public void Async_producer_consumer_queue_delivers_each_item_at_the_instant_it_is_enqueued()
    {
        var received = new List<(int Item, TimeSpan At)>();
        Sim.Run(async () =>
        {
            var queue = new AsyncProducerConsumerQueue<int>();
            var consumer = Sim.Spawn("consumer", async () =>
            {
                while (await queue.OutputAvailableAsync())
                {
                    received.Add((await queue.DequeueAsync(), Sim.Elapsed));
                }
            });
            for (var item = 1; item <= 3; item++)
            {
                await Sim.Delay(Second);
                await queue.EnqueueAsync(item);
            }

            queue.CompleteAdding();
            await consumer;
        });

        Assert.That(received, Is.EqualTo(new[] { (1, Second), (2, 2 * Second), (3, 3 * Second) }));
    }
}
