using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace SimLoop.Benchmarks.Bugs;

/// <summary>
/// <c>bugs [--quick] [--seeds N] [--budget N] [--only name,name]</c>: every benchmark of <see cref="BugSet"/> under
/// every strategy of <see cref="BugHuntRunner.Contenders"/>, printing per benchmark and strategy the seeds that
/// found the bug and the mean iterations to it, side by side with the published figures, then one
/// "target ...: met|missed" line per exploration target (docs/exploration.md). Quick mode (CI): the small programs, 5 seeds, 1,000 iterations.
/// Exit code 0 unless the arguments are wrong: a missed target is a measured result, not a failure.
/// </summary>
public static class BugsCommand
{
    public static int Run(string[] args)
    {
        if (!BugArguments.TryParse(args, ["--seeds", "--budget"], out var arguments, out var error))
        {
            Console.Error.WriteLine($"bugs: {error}. Usage: bugs [--quick] [--seeds N] [--budget N] [--only reorder_3,stack]");
            return 2;
        }

        var quick = arguments.Quick;
        var seeds = arguments.Numbers.TryGetValue("--seeds", out var s) ? s : quick ? 5 : 20;
        var budget = arguments.Numbers.TryGetValue("--budget", out var b) ? b : quick ? 1_000 : 10_000;
        var benchmarks = arguments.Benchmarks();
        var clock = Stopwatch.StartNew();
        var hunts = new List<BugHuntRunner.Hunt>();
        foreach (var benchmark in benchmarks)
        {
            var phase = Stopwatch.StartNew();
            foreach (var contender in BugHuntRunner.Contenders)
            {
                hunts.Add(BugHuntRunner.Run(benchmark, contender, seeds, budget));
            }

            Console.Error.WriteLine($"// bugs: {benchmark.Name} took {phase.Elapsed.TotalSeconds:0.0} s");
        }

        Console.WriteLine(Table(benchmarks, hunts, seeds, budget, quick));
        foreach (var line in BugTargets.Lines(benchmarks, hunts, seeds, budget))
        {
            Console.WriteLine(line);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bugs{(quick ? " --quick" : "")} took {clock.Elapsed.TotalSeconds:0} s"));
        return 0;
    }

    private static string Table(List<BugSet.Benchmark> benchmarks, List<BugHuntRunner.Hunt> hunts, int seeds, int budget, bool quick)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"SimLoop bug benchmarks, {seeds} seeds, {budget} iterations{(quick ? " (quick)" : "")}; cell: seeds that found the bug / mean iterations to it over those seeds");
        text.AppendLine("(tasks/decisions: what the FIFO probe measured; idb is systematic: one run, the count is its schedules; published: SURW artifact, 20 seeds, 10,000 iterations, see BugSet)");
        var ours = BugHuntRunner.Contenders.Select(c => c.Name).ToList();
        var header = new List<string> { "benchmark", "tasks/decisions" };
        header.AddRange(ours);
        header.AddRange(BugSet.PublishedTools.Select(t => "pub " + t));
        text.AppendLine("| " + string.Join(" | ", header) + " |");
        text.AppendLine("|" + string.Concat(header.Select(_ => "---|")));
        foreach (var benchmark in benchmarks)
        {
            var shape = Shapes.Of(benchmark.Test);
            var row = new List<string> { benchmark.Name, string.Create(CultureInfo.InvariantCulture, $"{shape.Tasks}/{shape.Decisions}") };
            foreach (var name in ours)
            {
                var hunt = hunts.Single(h => h.Benchmark == benchmark.Name && h.Strategy == name);
                row.Add(Cell(hunt.Found, hunt.Outcomes.Count, hunt.MeanFound));
            }

            foreach (var tool in BugSet.PublishedTools)
            {
                row.Add(benchmark.Published.TryGetValue(tool, out var figure) ? Cell(figure.Found, 20, figure.Mean) : "not published");
            }

            text.AppendLine("| " + string.Join(" | ", row) + " |");
        }

        return text.ToString();
    }

    private static string Cell(int found, int of, double mean) =>
        found == 0
            ? string.Create(CultureInfo.InvariantCulture, $"0/{of}")
            : string.Create(CultureInfo.InvariantCulture, $"{found}/{of} {mean:0.#}");
}
