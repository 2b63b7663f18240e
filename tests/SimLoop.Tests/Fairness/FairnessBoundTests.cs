namespace SimLoop.Tests.Fairness;

// The declarative bounds of SimOptions (MaxLoopLag, MaxSchedulingDelay, FailOnSlowSteps): checked on the final
// report of a run that otherwise passed; a broken one fails the run like an assertion, in Sim.Run and in every
// explored iteration.
public class FairnessBoundTests
{
    private static TimeSpan Ms(int milliseconds) => TimeSpan.FromMilliseconds(milliseconds);

    // The heartbeat is due at 200 ms; main's 300 ms section starts at 150 ms, so the heartbeat fires at 450 ms:
    // 250 ms late (150 + 300 - 200).
    private static async Task HeartbeatBehindParse()
    {
        var heartbeat = Sim.Spawn("heartbeat", async () => await Sim.Delay(Ms(200)));
        await Sim.Delay(Ms(150));
        Sim.Cpu(Ms(300), "parse");
        await heartbeat;
    }

    // Only a schedule that runs "job" before "warmup" makes the job's section cold (250 ms instead of 50 ms); the
    // heartbeat, due at 100 ms, then fires at 250 ms: 150 ms late. FIFO runs warmup first: no lag at all. (The
    // worked example of docs/fairness.md.)
    private static Task ColdStartInSomeSchedules() => ExplorationWorkedExampleTests.Service();

    [Test]
    public void A_run_over_its_MaxLoopLag_fails_with_FairnessViolation_and_the_table()
    {
        var error = Assert.Throws<SimulationFailedException>(() => Sim.Run(HeartbeatBehindParse, new SimOptions { MaxLoopLag = Ms(100) }))!;

        Assert.That(error.Kind, Is.EqualTo(FailureKind.FairnessViolation));
        Snapshooter.NUnit.Snapshot.Match(error.Message);
    }

    [Test]
    public void A_lag_equal_to_the_bound_passes()
    {
        var result = Sim.Run(HeartbeatBehindParse, new SimOptions { MaxLoopLag = Ms(250) });

        Assert.That(result.Fairness.MaxLoopLag, Is.EqualTo(Ms(250)));
    }

    [Test]
    public void MaxSchedulingDelay_names_every_task_that_waited_longer()
    {
        var error = Assert.Throws<SimulationFailedException>(() => Sim.Run(HeartbeatBehindParse, new SimOptions { MaxSchedulingDelay = Ms(200) }))!;

        Assert.That(error.Kind, Is.EqualTo(FailureKind.FairnessViolation));
        Assert.That(error.Failure.What, Does.StartWith(
            "fairness bound violated when the run ended at virtual time 00:00:00.450: task 'heartbeat' waited 250 ms for the loop, more than the 200 ms MaxSchedulingDelay allows.\n"));
    }

    [Test]
    public void FailOnSlowSteps_fails_a_run_with_a_step_at_the_threshold()
    {
        var error = Assert.Throws<SimulationFailedException>(() => Sim.Run(HeartbeatBehindParse, new SimOptions { FailOnSlowSteps = true, SlowStepThreshold = Ms(300) }))!;

        Assert.That(error.Failure.What, Does.StartWith(
            "fairness bound violated when the run ended at virtual time 00:00:00.450: 1 step(s) held the loop for 300 ms (SlowStepThreshold) or more, and FailOnSlowSteps is on; the first: task 'main' at 00:00:00.150, 300 ms (parse).\n"));
    }

    [Test]
    public void A_negative_bound_is_refused_with_every_problem_listed()
    {
        var error = Assert.Throws<ArgumentException>(() => Sim.Run(HeartbeatBehindParse, new SimOptions { MaxLoopLag = Ms(-1), MaxSchedulingDelay = Ms(-2) }))!;

        Assert.That(error.Message, Is.EqualTo(
            "SimOptions is invalid (2 problems):\n  - MaxLoopLag must not be negative, but was -00:00:00.0010000.\n  - MaxSchedulingDelay must not be negative, but was -00:00:00.0020000."));
    }

    [Test]
    public void A_test_that_fails_is_reported_as_its_own_failure_not_as_a_bound()
    {
        var error = Assert.Throws<SimulationFailedException>(() => Sim.Run(async () =>
        {
            await HeartbeatBehindParse();
            throw new InvalidOperationException("broken");
        }, new SimOptions { MaxLoopLag = Ms(1) }))!;

        Assert.That(error.Kind, Is.EqualTo(FailureKind.Exception));
    }

    [Test]
    public void Exploration_finds_the_schedule_that_breaks_a_bound_FIFO_keeps_and_the_token_replays_it()
    {
        Assert.That(Sim.Run(ColdStartInSomeSchedules).Fairness.MaxLoopLag, Is.EqualTo(TimeSpan.Zero), "FIFO keeps the bound");

        var explored = Sim.Explore(ColdStartInSomeSchedules, new ExploreOptions { MaxLoopLag = Ms(100), Seed = 7, Iterations = 200, Parallelism = 1 });

        var failure = explored.Failure!;
        Assert.That(failure.Kind, Is.EqualTo(FailureKind.FairnessViolation));
        Assert.That(failure.What, Does.Contain("the loop lag was 150 ms, more than the 100 ms MaxLoopLag allows (a timer of task 'heartbeat' fired 150 ms after its due time)"));
        Assert.That(failure.Message, Does.Contain("replay with: new ExploreOptions { Replay = \"" + failure.ReplayToken + "\" }"));

        // The printed advice, as printed: the same failure again.
        var again = Sim.Explore(ColdStartInSomeSchedules, new ExploreOptions { MaxLoopLag = Ms(100), Replay = failure.ReplayToken });
        Assert.That(again.Failure!.What, Is.EqualTo(failure.What));

        // The same schedule without the bound: the lag the bound saw.
        var replayed = Sim.Run(ColdStartInSomeSchedules, new SimOptions { Replay = failure.ReplayToken });
        Assert.That(replayed.Fairness.MaxLoopLag, Is.EqualTo(Ms(150)));
        Assert.That(replayed.Fairness.SlowSteps.Single().Label, Is.EqualTo("cold start"));
    }

    [Test]
    public void A_bound_that_holds_in_every_schedule_is_never_reported()
    {
        var explored = Sim.Explore(ColdStartInSomeSchedules, new ExploreOptions { MaxLoopLag = Ms(150), Strategy = Strategy.Exhaustive(10_000), Parallelism = 1 });

        Assert.That(explored.Failure, Is.Null);
        Assert.That(explored.SpaceExhausted, Is.True);
    }
}
