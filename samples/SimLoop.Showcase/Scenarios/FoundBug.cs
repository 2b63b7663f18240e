namespace SimLoop.Showcase.Scenarios;

/// <summary>
/// who runs first depends on the await points, and a missed interleaving is a bug waiting.
/// Two withdrawals of 80 from an account of 100 check the balance, await an audit call, then subtract: asyncio's
/// own order happens to serialise them, exploration finds the order that overdraws, shrinks it, and prints the
/// seed and the token that replay it.
/// </summary>
internal sealed class FoundBug : Scenario
{
    public override string Id => "found-bug";

    public override string Title => "Exploration finds an interleaving bug FIFO misses, with a seed that replays it";

    private static async Task Withdrawals()
    {
        var balance = 100;
        async Task Withdraw(int amount)
        {
            if (balance >= amount)
            {
                await Sim.Yield(); // the audit call
                balance -= amount;
            }
        }

        var first = Sim.Spawn("alice", () => Withdraw(80));
        await Sim.Yield();
        var second = Sim.Spawn("bob", () => Withdraw(80));
        await Task.WhenAll(first, second);
        if (balance < 0)
        {
            throw new InvalidOperationException($"overdraft: the balance is {balance}");
        }
    }

    public override ScenarioReport Run(string traceDirectory)
    {
        var fifo = Sim.Run(Withdrawals);
        var explored = Sim.Explore(Withdrawals, new ExploreOptions { Seed = 0x5EED, Iterations = 1000, Parallelism = 1 });
        var failure = explored.Failure!;
        var replayed = Replay(failure.ReplayToken);

        return new ScenarioReport(
            [
                new Check("asyncio's order (FIFO)", "passes", fifo.Steps > 0 ? "passes" : "fails"),
                new Check("exploration", "finds the overdraft", failure.Exception?.Message.StartsWith("overdraft", StringComparison.Ordinal) == true ? "finds the overdraft" : failure.Kind.ToString()),
                new Check("replaying its token", "the same trace", replayed == failure.Trace.Hash ? "the same trace" : "a different trace"),
            ],
            $"{explored.Summary}\nseed {Format.Hex(failure.Seed)}, replay token {failure.ReplayToken}\n\n{failure.Message}",
            WriteTrace(failure, traceDirectory));
    }

    private static ulong Replay(string token)
    {
        try
        {
            Sim.Run(Withdrawals, new SimOptions { Replay = token });
            return 0;
        }
        catch (SimulationFailedException again)
        {
            return again.Failure.Trace.Hash;
        }
    }
}
