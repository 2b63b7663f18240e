namespace SimLoop.Benchmarks.Bugs;

/// <summary>
/// The bug benchmark set: SCTBench's CS programs (Thomson, Donaldson and Betts, "Concurrency testing using
/// controlled schedulers: an empirical study", PPoPP 2014 / TOPC 2016; sources github.com/mc-imperial/sctbench,
/// originally ESBMC's concurrency benchmarks) ported to async C#. The parameterised versions (reorder_N,
/// twostage_N) follow the ones the SURW artifact ran (github.com/wcventure/PERIOD, evaluation/CS).
/// <para>
/// Published figures: computed from the raw per-seed results of the SURW artifact (Zhao et al., "Selectively
/// Uniform Concurrency Testing", ASPLOS 2025; github.com/zhaohuanqdcn/SURW at commit 049f09bb,
/// stats/period/CS/&lt;program&gt;/&lt;tool&gt;-&lt;seed&gt;.json, 20 seeds, 10,000 iterations): seeds that found the
/// bug out of 20, and the mean iterations to the bug over those seeds, with the artifact's own counting (scripts/analyze/eval_period.py
/// adds 1 to PCT's and SURW's count). Its random walk (rw) is uniform over enabled threads, like Strategy.Random.
/// The last two programs are not SCTBench's: SimLoop's own depth-2 bug and the lost wake-up of Coyote's
/// bounded-buffer sample (the workload the compare command runs against Coyote); nothing is published for them.
/// The C programs and our ports differ in their scheduling points, so the figures are a reference, not a target.
/// </para>
/// </summary>
internal static class BugSet
{
    /// <summary>Found out of 20 seeds and mean iterations over those seeds; Found 0 means never found.</summary>
    public sealed record Figure(int Found, double Mean);

    /// <summary>One program: its name, its test, where it comes from, and the published figures by tool.</summary>
    public sealed record Benchmark(string Name, Func<Task> Test, string Origin, IReadOnlyDictionary<string, Figure> Published)
    {
        public bool InQuickSet { get; init; }
    }

    private const string Cs = "SCTBench CS (ESBMC benchmarks)";

    /// <summary>Published tools, in the artifact's names: rw, pct3, pct10, pos, SURW.</summary>
    public static readonly string[] PublishedTools = ["rw", "pct3", "pct10", "pos", "surw"];

    public static readonly Benchmark[] All =
    [
        new("reorder_3", Reorder.Program(2, 1), Cs, Figures((0, 0), (20, 185.2), (20, 148.1), (20, 85.5), (20, 7.3))) { InQuickSet = true },
        new("reorder_4", Reorder.Program(3, 1), Cs, Figures((0, 0), (20, 554.0), (20, 362.3), (20, 533.0), (20, 7.3))),
        new("reorder_5", Reorder.Program(4, 1), Cs, Figures((0, 0), (20, 646.8), (20, 1094.2), (20, 2169.1), (20, 10.4))),
        new("reorder_10", Reorder.Program(9, 1), Cs, Figures((0, 0), (16, 3225.3), (12, 4461.9), (0, 0), (20, 17.2))),
        new("reorder_20", Reorder.Program(10, 10), Cs, Figures((0, 0), (20, 3005.1), (17, 3297.3), (0, 0), (20, 6.0))),
        new("twostage_20", TwoStage.Program(10, 10), Cs, Figures((0, 0), (20, 159.2), (20, 100.7), (20, 156.0), (20, 5.7))),
        new("twostage_100", TwoStage.Program(99, 1), Cs, Figures((0, 0), (3, 7466.0), (9, 5725.9), (3, 6673.7), (20, 453.9))),
        new("wronglock", WrongLock.Program(7), Cs, Figures((20, 35.9), (20, 51.1), (20, 20.1), (20, 10.2), (20, 7.5))) { InQuickSet = true },
        new("wronglock_3", WrongLock.Program(3), Cs, Figures((20, 35.9), (20, 58.1), (20, 14.1), (20, 10.8), (20, 8.8))),
        new("account", SmallBugs.Account, Cs, Figures((20, 18.1), (20, 4.3), (20, 4.5), (20, 4.1), (20, 5.8))) { InQuickSet = true },
        new("carter01", SmallBugs.Carter, Cs, Figures((20, 1.0), (20, 5.0), (20, 3.4), (20, 1.9), null)) { InQuickSet = true },
        new("deadlock01", SmallBugs.Deadlock, Cs, Figures((20, 3.2), (20, 12.9), (20, 7.4), (20, 3.5), (20, 1.8))) { InQuickSet = true },
        new("lazy01", SmallBugs.Lazy, Cs, Figures((20, 20.6), (20, 4.9), (20, 4.6), (20, 4.7), (20, 2.0))) { InQuickSet = true },
        new("token_ring", SmallBugs.TokenRing, Cs, Figures((20, 13.0), (20, 8.2), (20, 7.8), (20, 8.6), (20, 8.2))) { InQuickSet = true },
        new("stack", SmallBugs.Stack, Cs, Figures((20, 176.0), (20, 3.2), (20, 2.6), (20, 1.7), (20, 4.6))) { InQuickSet = true },
        new("starved_reader", SimLoop.Tests.Exploration.Bugs.StarvedReader.Scenario(fixedVersion: false), "SimLoop's own tests (a depth-2 bug of two long tasks)", Figures()) { InQuickSet = true },
        new("lost_wakeup", Workloads.BoundedBuffer.Buggy, "Coyote's bounded-buffer sample, as SimLoop's compare benchmark runs it", Figures()) { InQuickSet = true },
    ];

    private static Dictionary<string, Figure> Figures(params (int Found, double Mean)?[] byTool)
    {
        var figures = new Dictionary<string, Figure>();
        for (var i = 0; i < byTool.Length; i++)
        {
            if (byTool[i] is { } figure)
            {
                figures[PublishedTools[i]] = new Figure(figure.Found, figure.Mean);
            }
        }

        return figures;
    }
}
