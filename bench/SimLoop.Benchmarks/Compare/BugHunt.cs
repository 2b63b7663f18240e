using SimLoop.Benchmarks.Coyote;
using Cw = SimLoop.Benchmarks.CoyoteWorkloads;
using Sw = SimLoop.Benchmarks.Workloads;

namespace SimLoop.Benchmarks.Compare;

/// <summary>
/// Iterations until the first bug, SimLoop against Coyote, with the same budget and the same kind of strategy
/// (uniform random vs random; PCT with 2 priority changes vs PCT with 2 priority changes), over a range of seeds.
/// Counts, not times: they depend only on the seeds, so they are computed directly rather than by BenchmarkDotNet.
/// An iteration count includes the failing iteration; a seed whose budget runs out counts as the budget.
/// </summary>
public static class BugHunt
{
    public sealed record Bug(string Name, Func<Task> SimLoop, Func<Task> Coyote);

    public static readonly Bug[] Bugs =
    [
        new("lost update", Sw.LostUpdate.Run, Cw.LostUpdate.Run),
        new("bounded buffer deadlock", Sw.BoundedBuffer.Buggy, Cw.BoundedBuffer.Buggy),
    ];

    public sealed record Hunt(string Bug, string Strategy, Tally SimLoop, Tally Coyote);

    /// <summary>Per tool: mean and worst iterations to the first bug over the seeds, and how many seeds found it.</summary>
    public sealed record Tally(double Mean, int Max, int Found, int Seeds);

    public static List<Hunt> Run(int seeds, int budget)
    {
        var hunts = new List<Hunt>();
        foreach (var bug in Bugs)
        {
            foreach (var kind in new[] { CoyoteRunner.Kind.Random, CoyoteRunner.Kind.Pct })
            {
                var sim = new List<(int, bool)>();
                var coyote = new List<(int, bool)>();
                for (var seed = 1; seed <= seeds; seed++)
                {
                    sim.Add(SimLoopIterations(bug.SimLoop, kind, budget, (ulong)seed));
                    var outcome = CoyoteRunner.Run(bug.Coyote, kind, budget, (uint)seed);
                    coyote.Add((outcome.Iterations, outcome.FoundBug));
                }

                hunts.Add(new Hunt(bug.Name, kind == CoyoteRunner.Kind.Random ? "random" : "pct", Summarise(sim), Summarise(coyote)));
            }
        }

        return hunts;
    }

    private static (int Iterations, bool Found) SimLoopIterations(Func<Task> test, CoyoteRunner.Kind kind, int budget, ulong seed)
    {
        var result = Sim.Explore(test, new ExploreOptions
        {
            Seed = seed,
            Iterations = budget,
            Strategy = kind == CoyoteRunner.Kind.Random ? Strategy.Random : Strategy.Pct(1 + (int)CoyoteRunner.PctChangePoints),
            Parallelism = 1,
            Shrink = false,
            CheckDeterminism = false,
        });
        return result.Failure is { } failure ? (failure.Iteration + 1, true) : (result.Iterations, false);
    }

    private static Tally Summarise(List<(int Iterations, bool Found)> runs) =>
        new(runs.Average(r => r.Iterations), runs.Max(r => r.Iterations), runs.Count(r => r.Found), runs.Count);
}
