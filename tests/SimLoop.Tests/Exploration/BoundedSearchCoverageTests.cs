namespace SimLoop.Tests.Exploration;

public class BoundedSearchCoverageTests
{
    // Three tasks of two steps: 6! / (2! 2! 2!) = 90 interleavings; with a Choose(3) in one task, three times as
    // many. Both bounded searches, raising their bound until nothing is left, must run each exactly once.
    [TestCase("idb", false, 90)]
    [TestCase("idb", true, 270)]
    [TestCase("ipb", false, 90)]
    [TestCase("ipb", true, 270)]
    public void A_bounded_search_covers_exactly_the_schedules_exhaustive_search_covers(string search, bool choose, int schedules)
    {
        async Task Program()
        {
            await Task.WhenAll(Enumerable.Range(0, 3).Select(i => Sim.Spawn("t" + i, async () =>
            {
                if (choose && i == 1)
                {
                    Sim.Choose(3);
                }

                await Sim.Yield();
            })));
        }

        var bounded = search == "idb" ? Strategy.DelayBounded(1000) : Strategy.PreemptionBounded(1000);
        var dfs = Sim.Explore(Program, new ExploreOptions { Strategy = Strategy.Exhaustive(1000), Iterations = 1000, Seed = 1 });
        var result = Sim.Explore(Program, new ExploreOptions { Strategy = bounded, Iterations = 1000, Seed = 1 });

        Assert.That(dfs.SpaceExhausted, Is.True);
        Assert.That(dfs.Iterations, Is.EqualTo(schedules));
        Assert.That(result.SpaceExhausted, Is.True);
        Assert.That(result.Iterations, Is.EqualTo(schedules));
        Assert.That(result.DistinctSchedules, Is.EqualTo(dfs.DistinctSchedules));
    }
}
