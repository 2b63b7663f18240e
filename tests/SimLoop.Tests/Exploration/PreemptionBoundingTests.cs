using SimLoop.Loop;
using SimLoop.Scheduling;
using SimLoop.Tests.Exploration.Bugs;

namespace SimLoop.Tests.Exploration;

public class PreemptionBoundingTests
{
    // Two tasks of two steps (a1 | yield | a2, b1 | yield | b2). Bound 0 runs each task until it completes: a1 a2 b1
    // b2, with two decisions: a free switch when main awaits (a or b first, FIFO says a) and a preemption point when
    // a yields (a' or b). Cost 1: b first at the free switch (index 1 costs 1, as a delay), or b preempting a after a1
    // (b then runs on: b1 b2). Cost 2 adds a preemption after that deviation: a preempting b after b1, and a
    // preempting b after b1 in a1 b1 ... Cost 3: b first, a preempts b, b preempts a. All 6 interleavings, each once.
    private static readonly string[] s_byBound =
    [
        "a1 a2 b1 b2",
        "b1 b2 a1 a2", "a1 b1 b2 a2",
        "b1 a1 a2 b2", "a1 b1 a2 b2",
        "b1 a1 b2 a2",
    ];

    [Test]
    public void Preemption_bounding_runs_the_non_preemptive_schedule_then_by_preemptions_and_covers_the_space_once()
    {
        var seen = new List<string>();
        var result = Sim.Explore(() => TwoByTwo(seen), new ExploreOptions { Strategy = Strategy.PreemptionBounded(), Iterations = 100, Seed = 1 });

        Assert.That(seen, Is.EqualTo(s_byBound));
        Assert.That(result.Iterations, Is.EqualTo(6));
        Assert.That(result.DistinctSchedules, Is.EqualTo(6));
        Assert.That(result.SpaceExhausted, Is.True);
        Assert.That(result.CompletedDelayBound, Is.EqualTo(3));
        Assert.That(result.Strategy, Is.EqualTo("ipb"));
        Assert.That(result.Summary, Does.Contain("6 distinct schedules (the whole space) (every schedule with at most 3 preemptions)"));
    }

    [Test]
    public void A_budget_that_ends_inside_a_bound_reports_the_last_bound_it_completed()
    {
        var seen = new List<string>();
        var result = Sim.Explore(() => TwoByTwo(seen), new ExploreOptions { Strategy = Strategy.PreemptionBounded(maxSchedules: 4), Iterations = 100, Seed = 1 });

        Assert.That(seen, Is.EqualTo(s_byBound[..4]));
        Assert.That(result.Iterations, Is.EqualTo(4));
        Assert.That(result.SpaceExhausted, Is.False);
        Assert.That(result.CompletedDelayBound, Is.EqualTo(1));
    }

    [Test]
    public void A_bug_that_needs_one_preemption_is_found_in_bound_one_and_its_token_replays_it()
    {
        var result = Sim.Explore(() => TwoByTwo(failOn: "a1 b1 b2 a2"), new ExploreOptions { Strategy = Strategy.PreemptionBounded(), Iterations = 100, Seed = 1, Shrink = false });

        Assert.That(result.Failure, Is.Not.Null);
        Assert.That(result.Failure!.Iteration, Is.EqualTo(2));
        Assert.That(result.CompletedDelayBound, Is.EqualTo(0));
        Assert.That(result.Failure.ReplayToken, Does.Contain("ipb"));
        var replay = Assert.Throws<SimulationFailedException>(() => Sim.Run(() => TwoByTwo(failOn: "a1 b1 b2 a2"), new SimOptions { Replay = result.Failure.ReplayToken }))!;
        Assert.That(replay.Failure.Exception?.Message, Is.EqualTo("reached a1 b1 b2 a2"));
    }

    [Test]
    public void The_starved_reader_that_delay_bounding_misses_in_ten_thousand_schedules_takes_one_preemption_and_seven_schedules()
    {
        var options = new ExploreOptions { Iterations = 10_000, Seed = 1, Shrink = false, CheckDeterminism = false };

        var idb = Sim.Explore(StarvedReader.Scenario(fixedVersion: false), options with { Strategy = Strategy.DelayBounded() });
        var ipb = Sim.Explore(StarvedReader.Scenario(fixedVersion: false), options with { Strategy = Strategy.PreemptionBounded() });

        Assert.That(idb.Failure, Is.Null);
        Assert.That(idb.Iterations, Is.EqualTo(10_000));
        Assert.That(ipb.Failure?.Iteration, Is.EqualTo(6));
        Assert.That(ipb.CompletedDelayBound, Is.EqualTo(0));
    }

    [Test]
    public void Switching_between_two_flows_of_one_task_is_no_preemption_so_bound_zero_holds_all_their_orders()
    {
        // Main's own two flows, joined by WhenAll: every decision is between continuations of main, so free. Their
        // steps after the first yield interleave in 4! / (2! 2!) = 6 orders, all of cost 0: the default order, then one
        // deviation at each of its three decisions, then a second after the first schedule that deviated at the first.
        var seen = new List<string>();
        async Task Program()
        {
            var order = new List<string>();
            async Task Flow(string name)
            {
                order.Add(name + "1");
                await Sim.Yield();
                order.Add(name + "2");
                await Sim.Yield();
                order.Add(name + "3");
            }

            await Task.WhenAll(Flow("x"), Flow("y"));
            seen.Add(string.Join(" ", order));
        }

        var result = Sim.Explore(Program, new ExploreOptions { Strategy = Strategy.PreemptionBounded(), Iterations = 100, Seed = 1 });

        Assert.That(seen, Is.EqualTo(new[]
        {
            "x1 y1 x2 y2 x3 y3",
            "x1 y1 y2 x2 y3 x3", "x1 y1 x2 x3 y2 y3", "x1 y1 x2 y2 y3 x3",
            "x1 y1 y2 y3 x2 x3", "x1 y1 y2 x2 x3 y3",
        }));
        Assert.That(result.SpaceExhausted, Is.True);
        Assert.That(result.CompletedDelayBound, Is.EqualTo(0));
    }

    [Test]
    public void At_a_preemption_point_the_ranks_are_the_last_task_s_continuations_then_the_others_in_queue_order()
    {
        var (a, b) = (new SimTask(2, "a"), new SimTask(3, "b"));
        var ready = new ReadyQueue();
        foreach (var owner in new[] { b, a, b, a })
        {
            ready.Enqueue(new ReadyItem(() => { }, owner, 0, ReadyReason.Yield));
        }

        ready.LastTakenId = a.Id;
        var picks = Enumerable.Range(0, 4).Select(rank => new PreemptionScheduler(1, [rank]).PickReady(ready)).ToList();
        var scheduler = new PreemptionScheduler(1, []);
        scheduler.PickReady(ready);

        Assert.That(picks, Is.EqualTo(new[] { 1, 3, 0, 2 }));
        Assert.That(scheduler.Path, Is.EqualTo(new[] { new PreemptionPoint(0, 4, 2) }));
    }

    [Test]
    public void Where_the_last_task_is_not_ready_the_default_is_FIFO_and_the_point_is_no_preemption_point()
    {
        var ready = new ReadyQueue();
        ready.Enqueue(new ReadyItem(() => { }, new SimTask(2, "a"), 0, ReadyReason.Yield));
        ready.Enqueue(new ReadyItem(() => { }, new SimTask(3, "b"), 0, ReadyReason.Yield));
        ready.LastTakenId = 1;
        var scheduler = new PreemptionScheduler(1, []);

        Assert.That(scheduler.PickReady(ready), Is.EqualTo(0));
        Assert.That(scheduler.Path, Is.EqualTo(new[] { new PreemptionPoint(0, 2, 0) }));
    }

    [Test]
    public void Preemption_bounding_cannot_be_sharded()
    {
        var error = Assert.Throws<ArgumentException>(() => Sim.Explore(() => Task.CompletedTask,
            new ExploreOptions { Strategy = Strategy.PreemptionBounded(10), Shard = "1/2" }))!;
        Assert.That(error.Message, Does.StartWith("Preemption bounding cannot be sharded (shard 1/2)"));
    }

    private static async Task TwoByTwo(List<string>? seen = null, string? failOn = null)
    {
        var order = new List<string>();
        await Task.WhenAll(
            Sim.Spawn("a", async () => { order.Add("a1"); await Sim.Yield(); order.Add("a2"); }),
            Sim.Spawn("b", async () => { order.Add("b1"); await Sim.Yield(); order.Add("b2"); }));
        var schedule = string.Join(" ", order);
        seen?.Add(schedule);
        if (schedule == failOn)
        {
            throw new InvalidOperationException("reached " + schedule);
        }
    }
}
