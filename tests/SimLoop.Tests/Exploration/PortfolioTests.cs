namespace SimLoop.Tests.Exploration;

public class PortfolioTests
{
    // SCTBench's two-stage bug with 12 writers and one reader: the reader must run entirely between one writer's
    // two stages. Many competing tasks: the portfolio's deep PCT arm (depth 2 x 13 tasks, capped at 20).
    private static async Task TwoStage()
    {
        int data1 = 0, data2 = 0;
        var tasks = new List<Task>();
        for (var w = 0; w < 12; w++)
        {
            tasks.Add(Sim.Spawn("writer-" + w, async () =>
            {
                await Sim.Yield();
                data1 = 1;
                await Sim.Yield();
                data2 = data1 + 1;
            }));
        }

        tasks.Add(Sim.Spawn("reader", async () =>
        {
            await Sim.Yield();
            var t1 = data1;
            await Sim.Yield();
            var t2 = data2;
            if (t1 != 0 && t2 != t1 + 1)
            {
                throw new InvalidOperationException($"data2 = {t2} after data1 = {t1}");
            }
        }));
        await Task.WhenAll(tasks);
    }

    [Test]
    public void The_first_failure_and_its_token_are_the_same_for_any_parallelism_and_sharding()
    {
        ExploreOptions Options(int parallelism, string? shard = null) =>
            new() { Seed = 0xB0B, Iterations = 2000, Parallelism = parallelism, Shard = shard, Shrink = false };
        var one = Sim.Explore(TwoStage, Options(1));
        var two = Sim.Explore(TwoStage, Options(2));
        var shards = Enumerable.Range(0, 3).Select(i => Sim.Explore(TwoStage, Options(2, $"{i}/3"))).ToList();
        var firstShard = shards.Where(s => s.Failure is not null).MinBy(s => s.Failure!.Iteration)!;

        Assert.That(one.Failure, Is.Not.Null, one.Summary);
        Assert.That(two.Failure!.Iteration, Is.EqualTo(one.Failure!.Iteration));
        Assert.That(two.Failure.ReplayToken, Is.EqualTo(one.Failure.ReplayToken));
        Assert.That(firstShard.Failure!.Iteration, Is.EqualTo(one.Failure.Iteration));
        Assert.That(firstShard.Failure.ReplayToken, Is.EqualTo(one.Failure.ReplayToken));
        var replayed = Assert.Throws<SimulationFailedException>(() => Sim.Run(TwoStage, new SimOptions { Replay = one.Failure.ReplayToken }))!;
        Assert.That(replayed.Failure.Trace.Hash, Is.EqualTo(one.Failure.Trace.Hash));
    }

    [Test]
    public void The_deep_pct_arm_finds_the_many_task_bug_and_its_token_names_the_arm()
    {
        var result = Sim.Explore(TwoStage, new ExploreOptions { Seed = 0xB0B, Iterations = 2000, Parallelism = 2, Shrink = false });

        // After the FIFO probe the arms cycle random, deep PCT, deep PCT, deep PCT (more than two tasks) by
        // iteration index alone, so iteration 22 ((22 - 1) mod 4 = 1) is deep PCT: depth 20 (twice the 13 tasks, capped), over the probe's
        // 38 task decisions. The token carries both, which is what lets it replay outside the portfolio.
        Assert.That(result.Failure!.Iteration, Is.EqualTo(22));
        Assert.That(result.Failure.ReplayToken, Does.StartWith("SL1_pct20n38_"));
    }
}
