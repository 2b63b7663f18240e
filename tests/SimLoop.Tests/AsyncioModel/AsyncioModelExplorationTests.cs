namespace SimLoop.Tests.AsyncioModel;

/// <summary>Exploration in the asyncio model: every strategy runs, finds a bug that depends on the order of a timer tie, and replays it.</summary>
[TestFixture]
public sealed class AsyncioModelExplorationTests
{
    // Two writers sleep the same 5 ms; whichever wakes second overwrites the first. Only the tie order decides.
    private static async Task LastWriterIsB()
    {
        var value = "";
        var a = Sim.Spawn("a", async () => { await Sim.Delay(TimeSpan.FromMilliseconds(5)); value = "a"; });
        var b = Sim.Spawn("b", async () => { await Sim.Delay(TimeSpan.FromMilliseconds(5)); value = "b"; });
        await Task.WhenAll(a, b);
        if (value != "b")
        {
            throw new InvalidOperationException("a wrote last");
        }
    }

    [TestCase("portfolio")]
    [TestCase("random")]
    [TestCase("pct")]
    [TestCase("exhaustive")]
    public void Every_strategy_finds_the_tie_order_bug_and_its_token_replays_it(string strategy)
    {
        var chosen = strategy switch
        {
            "portfolio" => Strategy.Portfolio,
            "random" => Strategy.Random,
            "pct" => Strategy.Pct(),
            _ => Strategy.Exhaustive(),
        };
        var result = Sim.Explore(LastWriterIsB, new ExploreOptions { LoopModel = LoopModel.Asyncio, Strategy = chosen, Seed = 7, Iterations = 50, Parallelism = 1 });

        Assert.That(result.Failure, Is.Not.Null, result.ToString());
        Assert.That(result.Failure!.Exception, Is.TypeOf<InvalidOperationException>());
        Assert.That(result.Failure.Message, Does.Contain("loop model asyncio"));
        var replayed = Assert.Throws<SimulationFailedException>(() =>
            Sim.Run(LastWriterIsB, new SimOptions { LoopModel = LoopModel.Asyncio, Replay = result.Failure.ReplayToken }));
        Assert.That(replayed!.InnerException, Is.TypeOf<InvalidOperationException>());
    }

    [Test]
    public void Fifo_keeps_creation_order_so_it_never_finds_the_bug()
    {
        var result = Sim.Explore(LastWriterIsB, new ExploreOptions { LoopModel = LoopModel.Asyncio, Strategy = Strategy.Fifo, Seed = 7, Iterations = 5, Parallelism = 1 });

        Assert.That(result.Failure, Is.Null);
    }
}
