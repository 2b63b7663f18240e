namespace SimLoop.Tests.Exploration;

public class ExhaustiveTests
{
    // Two tasks of two steps each (a1 | yield | a2 and b1 | yield | b2). Program order fixes a1 before a2 and
    // b1 before b2, so the schedules are the interleavings of two pairs: 4! / (2! * 2!) = 6, counted by hand:
    // a1 a2 b1 b2, a1 b1 a2 b2, a1 b1 b2 a2, b1 a1 a2 b2, b1 a1 b2 a2, b1 b2 a1 a2.
    private static readonly string[] s_allInterleavings =
    [
        "a1 a2 b1 b2", "a1 b1 a2 b2", "a1 b1 b2 a2", "b1 a1 a2 b2", "b1 a1 b2 a2", "b1 b2 a1 a2",
    ];

    [Test]
    public void Exhaustive_search_covers_two_tasks_of_two_steps_in_exactly_six_schedules()
    {
        var seen = new List<string>();
        var result = Sim.Explore(() => TwoByTwo(seen), new ExploreOptions { Strategy = Strategy.Exhaustive(100), Seed = 1 });

        Assert.That(result.Iterations, Is.EqualTo(6));
        Assert.That(result.DistinctSchedules, Is.EqualTo(6));
        Assert.That(result.SpaceExhausted, Is.True);
        Assert.That(seen, Is.EquivalentTo(s_allInterleavings));
        Assert.That(result.Summary, Does.Contain("6 distinct schedules (the whole space)"));
    }

    [Test]
    public void A_budget_smaller_than_the_space_stops_without_claiming_coverage()
    {
        var seen = new List<string>();
        var result = Sim.Explore(() => TwoByTwo(seen), new ExploreOptions { Strategy = Strategy.Exhaustive(4), Iterations = 4, Seed = 1 });

        Assert.That(result.Iterations, Is.EqualTo(4));
        Assert.That(result.SpaceExhausted, Is.False);
        Assert.That(seen.Distinct().Count(), Is.EqualTo(4));
    }

    [Test]
    public void Exhaustive_search_explores_choices_too()
    {
        // The tree: Choose(3) gives 0, 1 or 2, and only 2 reaches the Chance, which gives false or true:
        // 0 | 1 | 2,false | 2,true. Depth first, the failing branch is the fourth schedule.
        var result = Sim.Explore(() =>
        {
            var pick = Sim.Choose(3);
            if (pick == 2 && Sim.Chance(0.001))
            {
                throw new InvalidOperationException("the rare branch");
            }

            return Task.CompletedTask;
        }, new ExploreOptions { Strategy = Strategy.Exhaustive(100), Iterations = 100, Seed = 1 });

        Assert.That(result.Failure?.Kind, Is.EqualTo(FailureKind.Exception));
        Assert.That(result.Failure!.Exception!.Message, Is.EqualTo("the rare branch"));
        Assert.That(result.Iterations, Is.EqualTo(4));
    }

    [Test]
    public void Exhaustive_search_cannot_be_sharded()
    {
        var error = Assert.Throws<ArgumentException>(() => Sim.Explore(() => Task.CompletedTask,
            new ExploreOptions { Strategy = Strategy.Exhaustive(10), Shard = "1/2" }))!;
        Assert.That(error.Message, Does.StartWith("Exhaustive search cannot be sharded (shard 1/2)"));
    }

    private static async Task TwoByTwo(List<string> seen)
    {
        var order = new List<string>();
        await Task.WhenAll(
            Sim.Spawn("a", async () => { order.Add("a1"); await Sim.Yield(); order.Add("a2"); }),
            Sim.Spawn("b", async () => { order.Add("b1"); await Sim.Yield(); order.Add("b2"); }));
        lock (seen)
        {
            seen.Add(string.Join(" ", order));
        }
    }

    [Test]
    public void Decision_sequences_that_give_the_same_order_of_steps_count_once_among_distinct_schedules()
    {
        // Two delays due at the same instant and a yield: 24 decision sequences (2 firing orders of the timers, each
        // followed by the same 12 sequences of picks among the ready tasks) and 12 orders of steps: every order of
        // the woken tasks is reached twice, once per firing order.
        var result = Sim.Explore(async () =>
        {
            await Task.WhenAll(
                Sim.Spawn("a", () => Sim.Delay(TimeSpan.FromMilliseconds(5))),
                Sim.Spawn("b", () => Sim.Delay(TimeSpan.FromMilliseconds(5))),
                Sim.Spawn("c", async () => await Sim.Yield()));
        }, new ExploreOptions { Strategy = Strategy.Exhaustive(1000), Iterations = 1000, Parallelism = 1, Seed = 1 });

        Assert.That((result.Iterations, result.DistinctSchedules, result.SpaceExhausted), Is.EqualTo((24, 12, true)));
        Assert.That(result.Summary, Does.StartWith("SimLoop: strategy dfs, base seed 0x1, 24 iterations (each a different decision sequence), 12 distinct schedules (the whole space), "));
    }

    [Test]
    public void The_firing_order_of_timers_due_together_is_a_real_decision_when_it_picks_a_winner()
    {
        // Task.WhenAny over two delays due at the same instant: the winner is the timer that fires first, so
        // exhaustive search must try both firing orders to see both winners.
        var winners = new HashSet<int>();
        Sim.Explore(async () =>
        {
            var first = Sim.Delay(TimeSpan.FromMilliseconds(5));
            var second = Sim.Delay(TimeSpan.FromMilliseconds(5));
            winners.Add(await Task.WhenAny(first, second) == first ? 1 : 2);
        }, new ExploreOptions { Strategy = Strategy.Exhaustive(1000), Iterations = 1000, Parallelism = 1, Seed = 1, CheckDeterminism = false });

        Assert.That(winners.Order(), Is.EqualTo(new[] { 1, 2 }));
    }
}
