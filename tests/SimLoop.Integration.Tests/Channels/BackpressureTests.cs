namespace SimLoop.Integration.Tests.Channels;

// A correct bounded-channel pipeline from System.Threading.Channels, unchanged, on the simulated loop. Two 30 ms
// consumers cannot keep up with an item every 10 ms, so the channel (capacity 2) fills: at 90 ms the producer's
// write waits until a consumer frees a slot at 100 ms. Ties at the same instant (a consumer finishing as the next
// item is written) are what exploration reorders; none of them may change when anything happens.
public class BackpressureTests
{
    private static readonly PipelineShape s_shape = PipelineShape.Backpressure;

    private static readonly TimeSpan[] s_writes = [.. new[] { 10, 20, 30, 40, 50, 60, 70, 80, 100, 110 }.Select(Ms)];

    private static TimeSpan Ms(int milliseconds) => TimeSpan.FromMilliseconds(milliseconds);

    [Test]
    public void In_fifo_order_the_producer_waits_for_a_free_slot_and_the_pipeline_ends_at_exactly_170_ms()
    {
        ChannelPipeline? finished = null;

        var result = Sim.Run(ChannelPipeline.Scenario(s_shape, racyGauge: false, inspect: p => finished = p));

        Assert.That(finished!.Writes, Is.EqualTo(s_writes));
        Assert.That(finished.Taken["consumer-1"], Is.EqualTo(new[] { 1, 3, 5, 7, 9 }));
        Assert.That(finished.Taken["consumer-2"], Is.EqualTo(new[] { 2, 4, 6, 8, 10 }));
        Assert.That(finished.MaxInFlight, Is.EqualTo(2));
        Assert.That(result.Elapsed, Is.EqualTo(Ms(170)));
    }

    [Test]
    public void Every_explored_schedule_passes_with_the_same_write_instants_and_ends_at_exactly_170_ms()
    {
        // Checked inside every iteration, so one schedule that drifts fails the exploration with its replay token.
        var scenario = ChannelPipeline.Scenario(s_shape, racyGauge: false, inspect: p =>
        {
            if (!p.Writes.SequenceEqual(s_writes) || Sim.Elapsed != Ms(170))
            {
                throw new InvalidOperationException($"writes at {string.Join(", ", p.Writes)}, end at {Sim.Elapsed}");
            }
        });

        var result = Sim.Explore(scenario, Budget.Iterations(500));

        Assert.That(result.Failure, Is.Null, () => result.Failure!.Message);
        Assert.That(result.Iterations, Is.EqualTo(500));
        // 375 under the first portfolio (half its iterations random, a sixth PCT(1)), 439 under random, deep PCT,
        // PCT(3), deep PCT; the current cycle (random, then three deep PCT) reaches more in the same 500 iterations.
        Assert.That(result.DistinctSchedules, Is.EqualTo(464), "the schedules really differ; only the timing is invariant");
        Assert.That(result.VirtualTime, Is.EqualTo(500 * Ms(170)));
    }
}
