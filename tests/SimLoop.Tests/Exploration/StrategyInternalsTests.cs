using SimLoop.Loop;
using SimLoop.Random;
using SimLoop.Scheduling;

namespace SimLoop.Tests.Exploration;

public class StrategyInternalsTests
{
    [Test]
    public void Change_points_keep_the_rank_of_their_drawing_when_sorted_by_step()
    {
        var random = new Xoshiro256StarStar(42);
        var draws = new Xoshiro256StarStar(42);
        var expected = Enumerable.Range(0, 4).Select(i => (Step: (long)draws.NextInt(1000), Rank: (long)(i - 5))).OrderBy(p => p.Step).ToList();

        var points = ChangePoints.Draw(ref random, 4, 1000);

        var taken = new List<(long Step, long Rank)>();
        for (var step = 0L; step < 1000; step++)
        {
            while (points.TryTake(step, out var rank))
            {
                taken.Add((step, rank));
            }
        }

        Assert.That(taken, Is.EqualTo(expected));
        Assert.That(taken.Select(t => t.Rank).Order(), Is.EqualTo(new long[] { -5, -4, -3, -2 }));
    }

    [Test]
    public void The_probe_counts_decisions_between_tasks_and_the_tasks_that_competed()
    {
        var probe = new ProgramShape.Probe(1);
        EventLoop.Execute(TwoByTwo, new SimOptions(), new RunPlan(1, Strategy.Fifo) { Scheduler = probe });

        // a1 | b1 | a2 with both tasks ready each time; then b2 alone, and main alone: 3 decisions, 2 tasks.
        Assert.That(probe.Shape, Is.EqualTo(new ProgramShape(3, 2)));
    }

    [TestCase(3, 6)]
    [TestCase(5, 10)]
    [TestCase(100, 20)]
    public void With_more_than_two_tasks_the_portfolio_cycles_one_random_then_three_deep_pct_after_the_probe(int tasks, int deep)
    {
        var shape = new ProgramShape(794, tasks);
        var arms = Enumerable.Range(1, 8).Select(i => Strategy.Portfolio.ForIteration(i, shape).Descriptor).ToList();

        var pct = $"pct{deep}n794";
        Assert.That(arms, Is.EqualTo(new[] { "random", pct, pct, pct, "random", pct, pct, pct }));
    }

    [Test]
    public void With_two_tasks_the_portfolio_runs_deep_pct_at_depth_four_first_and_random_second()
    {
        var shape = new ProgramShape(21, 2);
        var arms = Enumerable.Range(1, 8).Select(i => Strategy.Portfolio.ForIteration(i, shape).Descriptor).ToList();

        Assert.That(arms, Is.EqualTo(new[] { "pct4n21", "random", "pct4n21", "pct4n21", "pct4n21", "random", "pct4n21", "pct4n21" }));
    }

    [TestCase("delay", "delay2n100")]
    [TestCase("delay3", "delay3n100")]
    [TestCase("delay2n17", "delay2n17")]
    [TestCase("pct", "pct3n100")]
    [TestCase("pct20n794", "pct20n794")]
    [TestCase("idb", "idb")]
    [TestCase("ipb", "ipb")]
    public void Strategy_names_parse_to_the_strategy_a_token_names(string text, string descriptor)
    {
        Assert.That(StrategyParser.TryParse(text, out var strategy), Is.True);
        Assert.That(strategy.Descriptor, Is.EqualTo(descriptor));
    }

    [TestCase("delay0")]
    [TestCase("delayx")]
    [TestCase("delay2n0")]
    [TestCase("idb2")]
    [TestCase("ipb1")]
    public void Malformed_strategy_names_are_refused(string text)
    {
        Assert.That(StrategyParser.TryParse(text, out _), Is.False);
    }

    private static async Task TwoByTwo()
    {
        await Task.WhenAll(
            Sim.Spawn("a", async () => await Sim.Yield()),
            Sim.Spawn("b", async () => await Sim.Yield()));
    }
}
