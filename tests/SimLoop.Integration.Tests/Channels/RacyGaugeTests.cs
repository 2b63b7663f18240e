namespace SimLoop.Integration.Tests.Channels;

// Three consumers keep an in-flight gauge with read / await publish / write. A lost update needs a consumer to
// finish an item at the same instant as the producer writes the next one, and the idle consumer woken by that write
// to read the gauge before the finishing one writes it back. FIFO runs the finishing consumer's timer first (it was
// created earlier) and its write-back lands before the woken consumer reads, so asyncio's order never loses an
// update; exploration reorders the tie. Seeds are fixed, so every number below is exact.
public class RacyGaugeTests
{
    private static readonly PipelineShape s_shape = PipelineShape.Headroom;

    [Test]
    public void Fifo_order_misses_the_lost_gauge_update()
    {
        var result = Sim.Run(ChannelPipeline.Scenario(s_shape, racyGauge: true));

        Assert.That(result.Elapsed, Is.EqualTo(TimeSpan.FromMilliseconds(140)));
    }

    [Test]
    public void Exploration_finds_the_lost_gauge_update_and_its_replay_token_reproduces_it_three_times()
    {
        var result = Sim.Explore(ChannelPipeline.Scenario(s_shape, racyGauge: true), Budget.Iterations(500));

        var failure = result.Failure;
        Assert.That(failure, Is.Not.Null, result.Summary);
        // Iteration 2 is the portfolio's first deep PCT run, pct8 for its 4 competing tasks (iteration 3 under the
        // portfolio before the adaptive portfolio (0.1.0-preview.1)); its schedule departs from FIFO at 55 decisions, shrunk to the one that matters.
        Assert.That(failure!.Iteration, Is.EqualTo(2));
        Assert.That(failure.Kind, Is.EqualTo(FailureKind.Exception));
        Assert.That(failure.Exception?.Message, Is.EqualTo("the in-flight gauge reads 1 after every item was processed: an update was lost"));
        Assert.That(failure.Message, Does.Contain("(55 to 1 away from FIFO)"), "shrinking leaves the one reordered tie");
        for (var replay = 0; replay < 3; replay++)
        {
            var again = Assert.Throws<SimulationFailedException>(() =>
                Sim.Run(ChannelPipeline.Scenario(s_shape, racyGauge: true), new SimOptions { Replay = failure.ReplayToken }))!;
            Assert.That(again.Kind, Is.EqualTo(FailureKind.Exception));
            Assert.That(again.Failure.Trace.Hash, Is.EqualTo(failure.Trace.Hash));
            Assert.That(again.InnerException?.Message, Is.EqualTo(failure.Exception!.Message));
        }
    }

    [Test]
    public void The_atomic_gauge_passes_every_explored_schedule_and_each_ends_at_exactly_140_ms()
    {
        var scenario = ChannelPipeline.Scenario(s_shape, racyGauge: false, inspect: _ =>
        {
            if (Sim.Elapsed != TimeSpan.FromMilliseconds(140))
            {
                throw new InvalidOperationException($"the pipeline ended at {Sim.Elapsed}");
            }
        });

        var result = Sim.Explore(scenario, Budget.Iterations(500));

        Assert.That(result.Failure, Is.Null, () => result.Failure!.Message);
        Assert.That(result.Iterations, Is.EqualTo(500));
        // 436 under the first portfolio, 497 under random, deep PCT, PCT(3), deep PCT; 499 under the current cycle.
        Assert.That(result.DistinctSchedules, Is.EqualTo(499));
        Assert.That(result.VirtualTime, Is.EqualTo(500 * TimeSpan.FromMilliseconds(140)));
    }
}
