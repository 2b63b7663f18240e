using SimLoop.Tests.Exploration.Bugs;

namespace SimLoop.Tests.Exploration;

// Classic concurrency bugs written as async code. For each: asyncio's FIFO order misses it, exploration finds it
// within a fixed budget, the printed token replays it identically three times, and the fixed version passes the
// whole budget. Seeds are fixed, so these results are exact, not probabilistic.
public class BugFindingTests
{
    public sealed record Bug(string Name, Func<bool, Func<Task>> Scenario, FailureKind Kind)
    {
        public override string ToString() => Name;
    }

    private static readonly Bug[] s_bugs =
    [
        new("lost update", LostUpdate.Scenario, FailureKind.Exception),
        new("check-then-act overdraft", Overdraft.Scenario, FailureKind.Exception),
        new("semaphores taken in opposite order", OppositeLockOrder.Scenario, FailureKind.Deadlock),
        new("bounded buffer losing a wake-up", LostWakeUp.Scenario, FailureKind.Deadlock),
        new("double lazy initialisation", DoubleInitialisation.Scenario, FailureKind.Exception),
        new("reader starved at the writer's halfway point", StarvedReader.Scenario, FailureKind.Exception),
        new("same-instant timers out of creation order", TimerTie.Scenario, FailureKind.Exception),
    ];

    private static ExploreOptions Budget => new() { Seed = 0x5EED, Iterations = 2000, Parallelism = 2 };

    [TestCaseSource(nameof(s_bugs))]
    public void Fifo_order_misses_the_bug(Bug bug)
    {
        Assert.DoesNotThrow(() => Sim.Run(bug.Scenario(false)));
    }

    [TestCaseSource(nameof(s_bugs))]
    public void Exploration_finds_the_bug_and_its_token_replays_it_three_times(Bug bug)
    {
        var result = Sim.Explore(bug.Scenario(false), Budget);

        Assert.That(result.Failure, Is.Not.Null, result.Summary);
        var failure = result.Failure!;
        Assert.That(failure.Kind, Is.EqualTo(bug.Kind));
        for (var replay = 0; replay < 3; replay++)
        {
            var again = Assert.Throws<SimulationFailedException>(() => Sim.Run(bug.Scenario(false), new SimOptions { Replay = failure.ReplayToken }))!;
            Assert.That(again.Kind, Is.EqualTo(failure.Kind));
            Assert.That(again.Failure.Trace.Hash, Is.EqualTo(failure.Trace.Hash));
            Assert.That(again.InnerException?.GetType(), Is.EqualTo(failure.Exception?.GetType()));
        }
    }

    [TestCaseSource(nameof(s_bugs))]
    public void The_fixed_version_passes_the_whole_budget(Bug bug)
    {
        var result = Sim.Explore(bug.Scenario(true), Budget);

        Assert.That(result.Failure, Is.Null, () => result.Failure!.Message);
        Assert.That(result.Iterations, Is.EqualTo(2000));
    }
}
