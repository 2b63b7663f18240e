namespace SimLoop.Tests.AsyncioModel;

[TestFixture]
public sealed class AsyncioModelOptionsTests
{
    [Test]
    public void An_undefined_loop_model_is_rejected_with_the_known_names()
    {
        var error = Assert.Throws<ArgumentException>(() => Sim.Run(() => Task.CompletedTask, new SimOptions { LoopModel = (LoopModel)7 }));

        Assert.That(error!.Message, Is.EqualTo("SimOptions is invalid (1 problem):\n  - LoopModel is 7, which is not a loop model; use LoopModel.Default or LoopModel.Asyncio."));
    }

    [Test]
    public void A_failure_in_the_asyncio_model_says_how_to_replay_it_under_that_model()
    {
        var failed = Assert.Throws<SimulationFailedException>(() => Sim.Run(
            () => new TaskCompletionSource().Task, new SimOptions { LoopModel = LoopModel.Asyncio }));

        Assert.That(failed!.Kind, Is.EqualTo(FailureKind.Deadlock));
        Assert.That(failed.Message, Does.Contain("Reproduce: seed 0x0, strategy fifo, loop model asyncio.\n  replay with: new SimOptions { LoopModel = LoopModel.Asyncio, Replay = \""));
    }

    [Test]
    public void A_failure_in_the_default_model_keeps_its_replay_line()
    {
        var failed = Assert.Throws<SimulationFailedException>(() => Sim.Run(() => new TaskCompletionSource().Task));

        Assert.That(failed!.Message, Does.Contain("Reproduce: seed 0x0, strategy fifo.\n  replay with: new SimOptions { Replay = \""));
    }

    [Test]
    public void Strategies_choose_only_among_timers_due_at_the_same_instant()
    {
        // Two tasks yielding: asyncio's order is fixed, so no seed changes it. Two timers due together: a seed may swap them.
        static async Task Yields(List<string> log)
        {
            var a = Sim.Spawn("a", async () => { log.Add("a1"); await Sim.Yield(); log.Add("a2"); });
            var b = Sim.Spawn("b", async () => { log.Add("b1"); await Sim.Yield(); log.Add("b2"); });
            await Task.WhenAll(a, b);
        }

        static async Task Ties(List<string> log)
        {
            var a = Sim.Spawn("a", async () => { await Sim.Delay(TimeSpan.FromMilliseconds(5)); log.Add("a"); });
            var b = Sim.Spawn("b", async () => { await Sim.Delay(TimeSpan.FromMilliseconds(5)); log.Add("b"); });
            await Task.WhenAll(a, b);
        }

        var yieldOrders = new HashSet<string>(StringComparer.Ordinal);
        var tieOrders = new HashSet<string>(StringComparer.Ordinal);
        for (ulong seed = 0; seed < 20; seed++)
        {
            var options = new SimOptions { LoopModel = LoopModel.Asyncio, Strategy = Strategy.Random, Seed = seed };
            var log = new List<string>();
            Sim.Run(() => Yields(log), options);
            yieldOrders.Add(string.Join(" ", log));
            log.Clear();
            Sim.Run(() => Ties(log), options);
            tieOrders.Add(string.Join(" ", log));
        }

        Assert.That(yieldOrders, Is.EquivalentTo(new[] { "a1 b1 a2 b2" }));
        Assert.That(tieOrders, Is.EquivalentTo(new[] { "a b", "b a" }));
    }
}
