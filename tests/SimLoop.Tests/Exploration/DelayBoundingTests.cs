namespace SimLoop.Tests.Exploration;

public class DelayBoundingTests
{
    // Two tasks of two steps (a1 | yield | a2, b1 | yield | b2). FIFO (bound 0) is a1 b1 a2 b2, with three
    // decisions of two candidates each. Bound 1 delays one of them: b1 first (b1 a1 b2 a2), a2 before b1
    // (a1 a2 b1 b2), b2 before a2 (a1 b1 b2 a2). Bound 2 adds a second delay after the first one's position:
    // b1 b2 a1 a2 and b1 a1 a2 b2. That is all 6 interleavings, each once, in this order.
    private static readonly string[] s_byBound =
    [
        "a1 b1 a2 b2",
        "b1 a1 b2 a2", "a1 a2 b1 b2", "a1 b1 b2 a2",
        "b1 b2 a1 a2", "b1 a1 a2 b2",
    ];

    [Test]
    public void Delay_bounding_runs_FIFO_then_one_delay_then_two_and_covers_the_space_once()
    {
        var seen = new List<string>();
        var result = Sim.Explore(() => TwoByTwo(seen), new ExploreOptions { Strategy = Strategy.DelayBounded(), Iterations = 100, Seed = 1 });

        Assert.That(seen, Is.EqualTo(s_byBound));
        Assert.That(result.Iterations, Is.EqualTo(6));
        Assert.That(result.DistinctSchedules, Is.EqualTo(6));
        Assert.That(result.SpaceExhausted, Is.True);
        Assert.That(result.CompletedDelayBound, Is.EqualTo(2));
        Assert.That(result.Strategy, Is.EqualTo("idb"));
        Assert.That(result.Summary, Does.Contain("6 distinct schedules (the whole space) (every schedule with at most 2 delays)"));
    }

    [Test]
    public void A_budget_that_ends_inside_a_bound_reports_the_last_bound_it_completed()
    {
        var seen = new List<string>();
        var result = Sim.Explore(() => TwoByTwo(seen), new ExploreOptions { Strategy = Strategy.DelayBounded(), Iterations = 5, Seed = 1 });

        Assert.That(seen, Is.EqualTo(s_byBound[..5]));
        Assert.That(result.SpaceExhausted, Is.False);
        Assert.That(result.CompletedDelayBound, Is.EqualTo(1));
    }

    [Test]
    public void The_strategy_s_own_limit_stops_the_search_before_the_exploration_s_iterations()
    {
        var seen = new List<string>();
        var result = Sim.Explore(() => TwoByTwo(seen), new ExploreOptions { Strategy = Strategy.DelayBounded(maxSchedules: 4), Iterations = 100, Seed = 1 });

        Assert.That(seen, Is.EqualTo(s_byBound[..4]));
        Assert.That(result.Iterations, Is.EqualTo(4));
        Assert.That(result.CompletedDelayBound, Is.EqualTo(1));
        Assert.That(result.SpaceExhausted, Is.False);
    }

    [Test]
    public void A_bug_that_needs_two_delays_is_found_in_bound_two_and_its_token_replays_it()
    {
        var result = Sim.Explore(() => TwoByTwo(failOn: "b1 b2 a1 a2"), new ExploreOptions { Strategy = Strategy.DelayBounded(), Iterations = 100, Seed = 1, Shrink = false });

        Assert.That(result.Failure, Is.Not.Null);
        Assert.That(result.Failure!.Iteration, Is.EqualTo(4));
        Assert.That(result.CompletedDelayBound, Is.EqualTo(1));
        var replay = Assert.Throws<SimulationFailedException>(() => Sim.Run(() => TwoByTwo(failOn: "b1 b2 a1 a2"), new SimOptions { Replay = result.Failure.ReplayToken }))!;
        Assert.That(replay.Failure.Exception?.Message, Is.EqualTo("reached b1 b2 a1 a2"));
    }

    [Test]
    public void Random_delays_sample_only_schedules_within_the_bound()
    {
        var seen = new List<string>();
        var result = Sim.Explore(() => TwoByTwo(seen), new ExploreOptions { Strategy = Strategy.RandomDelays(1), Iterations = 200, Seed = 7, Parallelism = 2 });

        // Iteration 0 is the FIFO probe; every other iteration places one delay on one of the 3 task decisions.
        Assert.That(seen.Distinct().Order(), Is.EqualTo(s_byBound[..4].Order()));
        Assert.That(result.DistinctSchedules, Is.EqualTo(4));
    }

    [Test]
    public void Delay_bounding_cannot_be_sharded()
    {
        var error = Assert.Throws<ArgumentException>(() => Sim.Explore(() => Task.CompletedTask,
            new ExploreOptions { Strategy = Strategy.DelayBounded(10), Shard = "1/2" }))!;
        Assert.That(error.Message, Does.StartWith("Delay bounding cannot be sharded (shard 1/2)"));
    }

    private static async Task TwoByTwo(List<string>? seen = null, string? failOn = null)
    {
        var order = new List<string>();
        await Task.WhenAll(
            Sim.Spawn("a", async () => { order.Add("a1"); await Sim.Yield(); order.Add("a2"); }),
            Sim.Spawn("b", async () => { order.Add("b1"); await Sim.Yield(); order.Add("b2"); }));
        var schedule = string.Join(" ", order);
        if (seen is not null)
        {
            lock (seen)
            {
                seen.Add(schedule);
            }
        }

        if (schedule == failOn)
        {
            throw new InvalidOperationException("reached " + schedule);
        }
    }
}
