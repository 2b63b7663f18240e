using SimLoop.Tests.Exploration.Bugs;

namespace SimLoop.Tests.Exploration;

public class ExploreTests
{
    [Test]
    public void Parallel_exploration_gives_exactly_the_result_of_a_sequential_one()
    {
        ExplorationResult Run(int parallelism) => Sim.Explore(StarvedReader.Scenario(false),
            new ExploreOptions { Seed = 0xC0FFEE, Iterations = 3000, Parallelism = parallelism, Strategy = Strategy.Portfolio });

        var sequential = Run(1);
        var parallel = Run(4);

        Assert.That(sequential.Failure, Is.Not.Null);
        Assert.That(parallel.Iterations, Is.EqualTo(sequential.Iterations));
        Assert.That(parallel.DistinctSchedules, Is.EqualTo(sequential.DistinctSchedules));
        Assert.That(parallel.Failure!.Iteration, Is.EqualTo(sequential.Failure!.Iteration));
        Assert.That(parallel.Failure.Message, Is.EqualTo(sequential.Failure.Message));
        Assert.That(parallel.Failure.ReplayToken, Is.EqualTo(sequential.Failure.ReplayToken));
    }

    [Test]
    public void Pct_needs_far_fewer_iterations_than_random_for_a_depth_two_bug()
    {
        // Measured with fixed seeds (docs/exploration.md): PCT(2) finds the starved reader at iteration 13;
        // uniform random scheduling has not found it after 20,000 iterations.
        var pct = Sim.Explore(StarvedReader.Scenario(false), new ExploreOptions { Seed = 0x5EED, Iterations = 20_000, Strategy = Strategy.Pct(2), Shrink = false });
        var random = Sim.Explore(StarvedReader.Scenario(false), new ExploreOptions { Seed = 0x5EED, Iterations = 20_000, Strategy = Strategy.Random, Shrink = false });

        Assert.That(pct.Failure?.Iteration, Is.EqualTo(13));
        Assert.That(random.Failure, Is.Null);
        Assert.That(random.Iterations, Is.EqualTo(20_000));
    }

    [Test]
    public void A_shrunk_failure_says_how_much_it_shrank_and_replays_from_its_token()
    {
        var result = Sim.Explore(LostUpdate.Scenario(false), new ExploreOptions { Seed = 0x5EED, Iterations = 100, Strategy = Strategy.Random });

        var failure = result.Failure!;
        Assert.That(failure.Message, Does.Match(@"Shrunk from \d+ to \d+ decisions \(\d+ to 1 away from FIFO\) in \d+ runs\."));
        Assert.That(failure.Message, Does.Contain("Found by exploration at iteration 1 of 100 (strategy random, base seed 0x5EED); the whole exploration reruns with SIMLOOP_SEED=0x5EED."));
        var replayed = Assert.Throws<SimulationFailedException>(() => Sim.Run(LostUpdate.Scenario(false), new SimOptions { Replay = failure.ReplayToken }))!;
        Assert.That(replayed.Failure.Trace.Hash, Is.EqualTo(failure.Trace.Hash));
    }

    [Test]
    public void A_test_that_reaches_outside_the_simulation_fails_the_determinism_check()
    {
        var runs = 0;
        var result = Sim.Explore(async () =>
        {
            // State that survives from one run to the next: the same seed no longer gives the same schedule.
            if (Interlocked.Increment(ref runs) % 2 == 0)
            {
                await Sim.Yield();
            }
        }, new ExploreOptions { Seed = 7, Iterations = 10, Parallelism = 1 });

        Assert.That(result.Failure?.Kind, Is.EqualTo(FailureKind.Nondeterminism));
        Assert.That(result.Failure!.Iteration, Is.EqualTo(0));
        Assert.That(result.Failure.Message, Does.StartWith("SimLoop: iteration 0 gave two different runs from the same seed (trace hashes 0x"));
        Assert.That(result.Failure.Message, Does.Contain("the runs agree on the steps compared, but one ends after 1 step and the other after 2 steps."));
        Assert.That(result.Failure.Message, Does.Contain("\n  first run:  passed\n  second run: passed"));
    }

    [Test]
    public void A_failure_that_does_not_come_back_is_reported_as_such_when_the_check_is_off()
    {
        var runs = 0;
        var result = Sim.Explore(() => Interlocked.Increment(ref runs) == 2
            ? throw new InvalidOperationException("only the second time")
            : Task.CompletedTask, new ExploreOptions { Seed = 1, Iterations = 5, Parallelism = 1, CheckDeterminism = false });

        Assert.That(result.Failure?.Kind, Is.EqualTo(FailureKind.Exception));
        Assert.That(result.Failure!.Message, Does.Contain("The failure did not happen again when the iteration was rerun: the test is not deterministic"));
    }

    [Test]
    public void Progress_is_reported_with_the_iterations_done()
    {
        var reports = new List<ExplorationProgress>();
        var progress = new SynchronousProgress(reports.Add);
        var result = Sim.Explore(() => Sim.Delay(TimeSpan.FromSeconds(1)), new ExploreOptions { Seed = 3, Iterations = 50, Progress = progress });

        Assert.That(result.Failure, Is.Null);
        Assert.That(reports, Is.Not.Empty);
        Assert.That(reports[^1].IterationsDone, Is.EqualTo(50));
        Assert.That(reports[^1].IterationsPlanned, Is.EqualTo(50));
        Assert.That(reports[^1].Failures, Is.Zero);
    }

    [Test]
    public void Keep_going_collects_each_distinct_failure_once()
    {
        var result = Sim.Explore(() =>
        {
            switch (Sim.Choose(3))
            {
                case 0: throw new InvalidOperationException("zero");
                case 1: throw new FormatException("one");
                default: return Task.CompletedTask;
            }
        }, new ExploreOptions { Seed = 11, Iterations = 60, StopOnFirstFailure = false, Strategy = Strategy.Random });

        Assert.That(result.Iterations, Is.EqualTo(60));
        Assert.That(result.Failures.Select(f => f.Exception!.GetType()), Is.EquivalentTo(new[] { typeof(InvalidOperationException), typeof(FormatException) }));
    }

    [Test]
    public void Shards_together_run_every_iteration_once_and_find_the_same_first_failure()
    {
        var unsharded = Sim.Explore(StarvedReader.Scenario(false), new ExploreOptions { Seed = 0x5EED, Iterations = 400, Shrink = false });
        var shards = Enumerable.Range(0, 3)
            .Select(i => Sim.Explore(StarvedReader.Scenario(false), new ExploreOptions { Seed = 0x5EED, Iterations = 400, Shrink = false, Shard = $"{i}/3" }))
            .ToList();

        var first = shards.Where(s => s.Failure is not null).MinBy(s => s.Failure!.Iteration)!;
        Assert.That(first.Failure!.Iteration, Is.EqualTo(unsharded.Failure!.Iteration));
        Assert.That(first.Failure.ReplayToken, Is.EqualTo(unsharded.Failure.ReplayToken));
        Assert.That(shards.Select(s => s.Shard.ToString()), Is.EqualTo(new[] { "0/3", "1/3", "2/3" }));
    }

    [Test]
    public void A_replay_token_in_the_options_runs_just_that_schedule()
    {
        var found = Sim.Explore(LostUpdate.Scenario(false), new ExploreOptions { Seed = 0x5EED, Iterations = 100 }).Failure!;
        var replay = Sim.Explore(LostUpdate.Scenario(false), new ExploreOptions { Replay = found.ReplayToken });

        Assert.That(replay.Iterations, Is.EqualTo(1));
        Assert.That(replay.Failure!.Trace.Hash, Is.EqualTo(found.Trace.Hash));
    }

    [Test]
    public void Invalid_exploration_options_are_reported_together()
    {
        var error = Assert.Throws<ArgumentException>(() => Sim.Explore(() => Task.CompletedTask,
            new ExploreOptions { Iterations = 0, Parallelism = 0, Shard = "3/2", MaxSteps = 0 }))!;
        Assert.That(error.Message, Is.EqualTo(
            "ExploreOptions is invalid (4 problems):\n" +
            "  - MaxSteps must be positive, but was 0.\n" +
            "  - Iterations must be at least 1, but was 0.\n" +
            "  - Parallelism must be at least 1, but was 0.\n" +
            "  - Shard is '3/2', which is not a shard: write i/n with 0 <= i < n, for example SIMLOOP_SHARD=0/4 for the first of four machines."));
    }

    [Test]
    public void Explore_inside_a_simulation_is_refused()
    {
        var failure = Assert.Throws<SimulationFailedException>(() => Sim.Run(() =>
        {
            Sim.Explore(() => Task.CompletedTask);
            return Task.CompletedTask;
        }))!;
        Assert.That(failure.InnerException!.Message, Does.StartWith("Sim.Explore was called inside a running simulation."));
    }

    private sealed class SynchronousProgress(Action<ExplorationProgress> report) : IProgress<ExplorationProgress>
    {
        public void Report(ExplorationProgress value) => report(value);
    }
}
