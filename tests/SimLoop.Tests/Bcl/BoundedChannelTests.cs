using System.Threading.Channels;

namespace SimLoop.Tests.Bcl;

// A full bounded channel parks WriteAsync; a read frees a slot and posts the writer back to the loop.
public class BoundedChannelTests
{
    [Test]
    public void Write_async_to_a_full_channel_resumes_when_a_read_frees_a_slot()
    {
        var log = new List<string>();
        var result = Sim.Run(async () =>
        {
            var channel = Channel.CreateBounded<int>(1);
            var producer = Sim.Spawn("producer", async () =>
            {
                for (var i = 0; i < 3; i++)
                {
                    await channel.Writer.WriteAsync(i);
                    log.Add($"wrote {i} at {Sim.Elapsed.TotalSeconds}");
                }
            });
            var consumer = Sim.Spawn("consumer", async () =>
            {
                for (var i = 0; i < 3; i++)
                {
                    await Sim.Delay(TimeSpan.FromSeconds(1));
                    log.Add($"read {await channel.Reader.ReadAsync()} at {Sim.Elapsed.TotalSeconds}");
                }
            });
            await Task.WhenAll(producer, consumer);
        });

        Assert.That(log, Is.EqualTo(new[]
        {
            "wrote 0 at 0", "read 0 at 1", "wrote 1 at 1", "read 1 at 2", "wrote 2 at 2", "read 2 at 3",
        }));
        Assert.That(result.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(3)));
    }

    [Test]
    public void A_reader_waiting_on_an_empty_bounded_channel_resumes_at_the_write_instant()
    {
        var log = new List<string>();
        Sim.Run(async () =>
        {
            var channel = Channel.CreateBounded<int>(2);
            var consumer = Sim.Spawn("consumer", async () =>
            {
                while (await channel.Reader.WaitToReadAsync())
                {
                    while (channel.Reader.TryRead(out var item))
                    {
                        log.Add($"{item} at {Sim.Elapsed.TotalSeconds}");
                    }
                }
            });
            await Sim.Delay(TimeSpan.FromSeconds(2));
            await channel.Writer.WriteAsync(10);
            await channel.Writer.WriteAsync(11);
            channel.Writer.Complete();
            await consumer;
        });

        Assert.That(log, Is.EqualTo(new[] { "10 at 2", "11 at 2" }));
    }

    [Test]
    public void Two_runs_of_the_same_bounded_channel_scenario_have_the_same_trace_hash() =>
        Determinism.AssertSameTraceHashTwice(async () =>
        {
            var channel = Channel.CreateBounded<int>(2);
            var producers = Enumerable.Range(0, 3).Select(p => Sim.Spawn($"producer{p}", async () =>
            {
                for (var i = 0; i < 4; i++)
                {
                    await channel.Writer.WriteAsync(i);
                }
            })).ToList();
            for (var i = 0; i < 12; i++)
            {
                await channel.Reader.ReadAsync();
                await Sim.Delay(TimeSpan.FromMilliseconds(250));
            }

            await Task.WhenAll(producers);
        });
}
