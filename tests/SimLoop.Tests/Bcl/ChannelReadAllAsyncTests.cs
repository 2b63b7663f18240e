using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace SimLoop.Tests.Bcl;

// ChannelReader.ReadAllAsync awaits WaitToReadAsync with ConfigureAwait(false): once it has to wait, the writer's
// step queues the iterator to the thread pool, which SimLoop runs as a step (strict mode fails there). See docs/limitations.md.
public class ChannelReadAllAsyncTests
{
    [Test]
    public void Read_all_async_over_items_already_written_never_waits_and_stays_on_the_loop()
    {
        var items = new List<int>();
        var result = Sim.Run(async () =>
        {
            var channel = Channel.CreateUnbounded<int>();
            channel.Writer.TryWrite(1);
            channel.Writer.TryWrite(2);
            channel.Writer.Complete();
            await foreach (var item in channel.Reader.ReadAllAsync())
            {
                items.Add(item);
            }
        });

        Assert.That(items, Is.EqualTo(new[] { 1, 2 }));
        Assert.That(result.Steps, Is.EqualTo(1));
    }

    [Test]
    public void Strict_mode_read_all_async_that_has_to_wait_for_a_write_fails_the_run() =>
        Escapes.AssertRunFailsAtItsStep(async () =>
        {
            var channel = Channel.CreateUnbounded<int>();
            var consumer = Sim.Spawn("consumer", async () =>
            {
                await foreach (var item in channel.Reader.ReadAllAsync())
                {
                    _ = item;
                }
            });
            await Sim.Delay(TimeSpan.FromSeconds(1));
            await channel.Writer.WriteAsync(1);
            channel.Writer.Complete();
            await consumer;
        },
        Escapes.HandedOff("main", "00:00:01.000", step: 2, $"UnboundedChannelWriter.WriteAsync() {Escapes.ChannelWaiterQueued}"));

    [Test]
    public void A_wait_to_read_and_try_read_iterator_replaces_read_all_async_on_the_loop()
    {
        var log = new List<string>();
        Sim.Run(async () =>
        {
            var channel = Channel.CreateUnbounded<int>();
            var consumer = Sim.Spawn("consumer", async () =>
            {
                await foreach (var item in ReadAllOnLoop(channel.Reader))
                {
                    log.Add($"{item} at {Sim.Elapsed.TotalSeconds}");
                }
            });
            for (var i = 0; i < 3; i++)
            {
                await Sim.Delay(TimeSpan.FromSeconds(1));
                await channel.Writer.WriteAsync(i);
            }

            channel.Writer.Complete();
            await consumer;
        });

        Assert.That(log, Is.EqualTo(new[] { "0 at 1", "1 at 2", "2 at 3" }));
    }

    // ReadAllAsync without ConfigureAwait(false): its awaits capture the loop's context, so it resumes on the loop.
    private static async IAsyncEnumerable<T> ReadAllOnLoop<T>(ChannelReader<T> reader, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (await reader.WaitToReadAsync(cancellationToken))
        {
            while (reader.TryRead(out var item))
            {
                yield return item;
            }
        }
    }
}
