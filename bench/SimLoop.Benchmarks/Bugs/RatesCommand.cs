using System.Diagnostics;
using System.Globalization;
using System.Text;
using SimLoop.Scheduling;

namespace SimLoop.Benchmarks.Bugs;

/// <summary>
/// <c>rates [--quick] [--runs N] [--only name,name]</c>: each arm's bug probability per run on every benchmark,
/// and from them the expected iterations to the first bug of every single strategy and portfolio design within
/// 10,000 iterations (see <see cref="ArmRates"/>): the exact counterpart of the bugs command's 20-seed means.
/// Prints two tables, which arm makes the most new schedules, the fewest expected iterations any plan of these arms
/// can reach (<see cref="Bounds"/>), and the default's target line on expectations. Quick mode (CI): the small
/// programs, 200 runs per arm.
/// </summary>
public static class RatesCommand
{
    private const int Budget = 10_000;
    private const double MaxRatioToBest = 1.5;

    /// <summary>A strategy as a plan of arms: iteration i's concrete strategy given the probe's shape.</summary>
    internal sealed record Plan(string Name, Func<int, ProgramShape, Strategy> ArmAt, bool Single);

    private static Plan Of(string name, Strategy strategy, bool single) =>
        new(name, (i, shape) => i == 0 && strategy.NeedsMeasuredDecisions ? Strategy.Fifo : strategy.ForIteration(i, shape), single);

    private static readonly Plan[] Singles =
    [
        Of("random", Strategy.Random, true),
        Of("pct3", Strategy.Pct(3), true),
        Of("pct10", Strategy.Pct(10), true),
        Of("pct20", Strategy.Pct(20), true),
        Of("delay2", Strategy.RandomDelays(2), true),
    ];

    private static readonly Plan Default = Of("portfolio", Strategy.Portfolio, false);

    private static readonly Plan[] Portfolios = [Default, .. PortfolioCandidates.All, Of("alternating", new AlternatingPortfolioStrategy(), false)];

    /// <summary>The arms whose rates the first table shows (the portfolios' arms and the single strategies' arms).</summary>
    private static Strategy[] ArmsOf(ProgramShape shape) =>
    [
        Strategy.Random,
        new PctStrategy(3, shape.Decisions),
        new PctStrategy(10, shape.Decisions),
        new PctStrategy(20, shape.Decisions),
        new PctStrategy(PortfolioStrategy.DeepDepth(shape), shape.Decisions),
        new RandomDelaysStrategy(1, shape.Decisions),
        new RandomDelaysStrategy(2, shape.Decisions),
    ];

    private static readonly string[] ArmColumns = ["random", "pct3", "pct10", "pct20", "deep pct", "delay1", "delay2"];

    public static int Run(string[] args)
    {
        if (!BugArguments.TryParse(args, ["--runs"], out var arguments, out var error))
        {
            Console.Error.WriteLine($"rates: {error}. Usage: rates [--quick] [--runs N] [--only reorder_3,stack]");
            return 2;
        }

        var quick = arguments.Quick;
        var runs = arguments.Numbers.TryGetValue("--runs", out var n) ? n : quick ? 200 : 4000;
        var clock = Stopwatch.StartNew();
        var measured = arguments.Benchmarks().Select(b => Measure(b, runs)).ToList();

        Console.WriteLine(RateTable(measured, runs));
        Console.WriteLine(ExpectedTable(measured));
        foreach (var line in Conclusions(measured))
        {
            Console.WriteLine(line);
        }

        Console.WriteLine(Invariant($"rates{(quick ? " --quick" : "")} took {clock.Elapsed.TotalSeconds:0} s"));
        return 0;
    }

    /// <summary>One benchmark: its rates, the expected iterations of every plan, its best single strategy and the bounds.</summary>
    private sealed record Measured(BugSet.Benchmark Benchmark, ArmRates Rates, Strategy[] Arms, Dictionary<string, double> Expected, string Best, double FifoFirst, double SampleFirst)
    {
        public double Ratio(string plan) => Expected[plan] / Expected[Best];
    }

    private static Measured Measure(BugSet.Benchmark benchmark, int runs)
    {
        var phase = Stopwatch.StartNew();
        var rates = new ArmRates(benchmark.Test, runs);
        var arms = ArmsOf(rates.Shape);
        var expected = Singles.Concat(Portfolios).ToDictionary(p => p.Name, p => rates.Expected(i => p.ArmAt(i, rates.Shape), Budget));
        var best = Singles.MinBy(p => expected[p.Name])!.Name;
        var (fifoFirst, sampleFirst) = Bounds.Of(rates, arms, Budget);
        Console.Error.WriteLine(Invariant($"// rates: {benchmark.Name} took {phase.Elapsed.TotalSeconds:0.0} s"));
        return new Measured(benchmark, rates, arms, expected, best, fifoFirst, sampleFirst);
    }

    private static string RateTable(List<Measured> measured, int runs)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"Bug probability per run (%), over {runs} seeds per arm (up to 20 times as many while fewer than 40 runs failed); deep pct is the portfolio's depth; new: the share of runs whose schedule no earlier run had"));
        text.AppendLine("| benchmark | tasks/decisions | FIFO | " + string.Join(" | ", ArmColumns) + " | most new schedules |");
        text.AppendLine("|---|---|---|" + string.Concat(ArmColumns.Select(_ => "---|")) + "---|");
        foreach (var m in measured)
        {
            var novel = m.Arms.MaxBy(a => m.Rates.Of(a).Distinct)!;
            text.AppendLine(Invariant($"| {m.Benchmark.Name} | {m.Rates.Shape.Tasks}/{m.Rates.Shape.Decisions} | {(m.Rates.FifoFails ? "fails" : "passes")} | ") +
                string.Join(" | ", m.Arms.Select(a => Percent(m.Rates.Of(a).Bug))) +
                Invariant($" | {ColumnOf(m, novel)} ({m.Rates.Of(novel).Distinct * 100:0}% new) |"));
        }

        return text.ToString();
    }

    private static string ExpectedTable(List<Measured> measured)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"Expected iterations to the first bug within {Budget} (iteration 0 included), and the ratio to the best single strategy; bounds: the fewest any plan of these arms can expect, starting with the FIFO order or with a random run"));
        var columns = Portfolios.Select(p => p.Name).ToList();
        text.AppendLine("| benchmark | best single | " + string.Join(" | ", columns) + " | bound, FIFO first | bound, random first |");
        text.AppendLine("|---|---|" + string.Concat(columns.Select(_ => "---|")) + "---|---|");
        foreach (var m in measured)
        {
            text.AppendLine(Invariant($"| {m.Benchmark.Name} | {m.Best} {m.Expected[m.Best]:0.##} | ") +
                string.Join(" | ", columns.Select(c => Invariant($"{m.Expected[c]:0.##} ({m.Ratio(c):0.00}x)"))) +
                Invariant($" | {m.FifoFirst:0.##} ({m.FifoFirst / m.Expected[m.Best]:0.00}x) | {m.SampleFirst:0.##} ({m.SampleFirst / m.Expected[m.Best]:0.00}x) |"));
        }

        return text.ToString();
    }

    private static IEnumerable<string> Conclusions(List<Measured> measured)
    {
        var randomMostNew = measured.Count(m => m.Arms.MaxBy(a => m.Rates.Of(a).Distinct) == Strategy.Random);
        var randomBest = measured.Count(m => !m.Rates.FifoFails && m.Arms.MaxBy(a => m.Rates.Of(a).Bug) == Strategy.Random);
        var fifoPasses = measured.Count(m => !m.Rates.FifoFails);
        yield return Invariant($"new schedules: random makes the most on {randomMostNew} of {measured.Count} programs; it has the highest bug rate on {randomBest} of the {fifoPasses} that FIFO passes");

        var over = measured.Where(m => m.Ratio(Default.Name) > MaxRatioToBest).Select(m => Invariant($"{m.Benchmark.Name} {m.Ratio(Default.Name):0.00}x of {m.Best}")).ToList();
        var worst = measured.MaxBy(m => m.Ratio(Default.Name))!;
        yield return Invariant($"target default expected iterations <= {MaxRatioToBest}x the best single strategy on each benchmark: {(over.Count == 0 ? "met" : "missed")} (") +
            (over.Count == 0 ? Invariant($"worst {worst.Benchmark.Name} {worst.Ratio(Default.Name):0.00}x of {worst.Best}") : string.Join(", ", over)) + ")";

        var fifo = measured.MaxBy(m => m.FifoFirst / m.Expected[m.Best])!;
        var sample = measured.MaxBy(m => m.SampleFirst / m.Expected[m.Best])!;
        yield return Invariant($"bound: no plan of these arms that starts with the FIFO order expects under {fifo.FifoFirst / fifo.Expected[fifo.Best]:0.00}x on {fifo.Benchmark.Name}; none that starts with a random run under {sample.SampleFirst / sample.Expected[sample.Best]:0.00}x on {sample.Benchmark.Name}");
    }

    private static string ColumnOf(Measured m, Strategy arm) => ArmColumns[Array.IndexOf(m.Arms, arm)];

    private static string Percent(double rate) => rate == 0 ? "0" : Invariant($"{rate * 100:0.###}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
