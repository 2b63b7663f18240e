using System.Threading.Channels;

namespace SimLoop.Tests.Bcl;

// A waiting ReadAsync / WaitToReadAsync captures the loop's context; the channel completes the wait from the
// writer's step and posts the reader back to the loop. (ReadAllAsync does not: see ChannelReadAllAsyncTests.)
public class UnboundedChannelTests
{
    [Test]
    public void Read_async_waits_for_each_write_and_resumes_at_its_virtual_instant()
    {
        var log = new List<string>();
        Sim.Run(async () =>
        {
            var channel = Channel.CreateUnbounded<int>();
            var consumer = Sim.Spawn("consumer", async () =>
            {
                for (var i = 0; i < 3; i++)
                {
                    var item = await channel.Reader.ReadAsync();
                    log.Add($"read {item} at {Sim.Elapsed.TotalSeconds}");
                }
            });
            var producer = Sim.Spawn("producer", async () =>
            {
                for (var i = 0; i < 3; i++)
                {
                    await Sim.Delay(TimeSpan.FromSeconds(1));
                    await channel.Writer.WriteAsync(i);
                    log.Add($"wrote {i} at {Sim.Elapsed.TotalSeconds}");
                }
            });
            await Task.WhenAll(consumer, producer);
        });

        // The writer finishes its step before the reader it woke runs.
        Assert.That(log, Is.EqualTo(new[]
        {
            "wrote 0 at 1", "read 0 at 1", "wrote 1 at 2", "read 1 at 2", "wrote 2 at 3", "read 2 at 3",
        }));
    }

    [Test]
    public void Wait_to_read_then_try_read_drains_each_batch_in_write_order_and_ends_at_completion()
    {
        var log = new List<string>();
        var result = Sim.Run(async () =>
        {
            var channel = Channel.CreateUnbounded<int>();
            var consumer = Sim.Spawn("consumer", async () =>
            {
                while (await channel.Reader.WaitToReadAsync())
                {
                    while (channel.Reader.TryRead(out var item))
                    {
                        log.Add($"{item} at {Sim.Elapsed.TotalSeconds}");
                    }
                }

                log.Add($"done at {Sim.Elapsed.TotalSeconds}");
            });
            var producer = Sim.Spawn("producer", async () =>
            {
                await Sim.Delay(TimeSpan.FromSeconds(1));
                channel.Writer.TryWrite(0);
                channel.Writer.TryWrite(1);
                channel.Writer.TryWrite(2);
                await Sim.Delay(TimeSpan.FromSeconds(1));
                channel.Writer.TryWrite(3);
                channel.Writer.Complete();
            });
            await Task.WhenAll(consumer, producer);
        });

        Assert.That(log, Is.EqualTo(new[] { "0 at 1", "1 at 1", "2 at 1", "3 at 2", "done at 2" }));
        Assert.That(result.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(2)));
    }

    [Test]
    public void Waiting_readers_receive_items_in_the_order_they_started_reading()
    {
        var log = new List<string>();
        Sim.Run(async () =>
        {
            var channel = Channel.CreateUnbounded<string>();
            Task Reader(string name) => Sim.Spawn(name, async () => log.Add($"{name} got {await channel.Reader.ReadAsync()}"));

            var readers = new[] { Reader("R1"), Reader("R2"), Reader("R3") };
            await Sim.Delay(TimeSpan.FromSeconds(1));
            channel.Writer.TryWrite("a");
            channel.Writer.TryWrite("b");
            channel.Writer.TryWrite("c");
            await Task.WhenAll(readers);
        });

        Assert.That(log, Is.EqualTo(new[] { "R1 got a", "R2 got b", "R3 got c" }));
    }

    [Test]
    public void A_read_awaited_in_an_async_method_combines_with_when_any_at_its_exact_instant()
    {
        // ReadAsync().AsTask() would complete on the thread pool (docs/limitations.md); awaiting the ValueTask
        // inside an async method completes that method's task on the loop.
        static async Task<int> OnLoop(ValueTask<int> read) => await read;

        var result = Sim.Run(async () =>
        {
            var channel = Channel.CreateUnbounded<int>();
            var writer = Sim.Spawn("writer", async () =>
            {
                await Sim.Delay(TimeSpan.FromSeconds(1));
                channel.Writer.TryWrite(5);
            });
            var read = OnLoop(channel.Reader.ReadAsync());
            var first = await Task.WhenAny(read, Sim.Delay(TimeSpan.FromSeconds(10)));
            await writer;
            return (ReadWon: first == read, Item: await read, At: Sim.Elapsed);
        });

        Assert.That(result.Value, Is.EqualTo((true, 5, TimeSpan.FromSeconds(1))));
    }

    [Test]
    public void Two_runs_of_the_same_unbounded_channel_scenario_have_the_same_trace_hash() =>
        Determinism.AssertSameTraceHashTwice(async () =>
        {
            var channel = Channel.CreateUnbounded<int>();
            var consumers = Enumerable.Range(0, 2).Select(c => Sim.Spawn($"consumer{c}", async () =>
            {
                while (await channel.Reader.WaitToReadAsync())
                {
                    while (channel.Reader.TryRead(out _))
                    {
                        await Sim.Delay(TimeSpan.FromMilliseconds(300));
                    }
                }
            })).ToList();
            for (var i = 0; i < 5; i++)
            {
                await channel.Writer.WriteAsync(i);
                await Sim.Delay(TimeSpan.FromMilliseconds(100));
            }

            channel.Writer.Complete();
            await Task.WhenAll(consumers);
        });
}
