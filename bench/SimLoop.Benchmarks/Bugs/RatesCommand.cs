using System.Diagnostics;
using System.Globalization;
using SimLoop.Scheduling;

namespace SimLoop.Benchmarks.Bugs;

/// <summary>
/// <c>rates [--runs N] [--only name,name]</c>: each arm's bug probability per run on every benchmark, and from them
/// the expected iterations to the first bug of every strategy and portfolio candidate (see <see cref="ArmRates"/>),
/// with its ratio to the best single strategy. The exact counterpart of the bugs command's 20-seed means.
/// </summary>
public static class RatesCommand
{
    private const int Budget = 10_000;

    /// <summary>A strategy as a plan of arms: iteration i's concrete strategy given the probe's shape.</summary>
    internal sealed record Plan(string Name, Func<int, ProgramShape, Strategy> ArmAt, bool Single);

    private static Plan Of(Strategy strategy, bool single) => new(strategy.Name == "pct" ? "pct" + ((PctStrategy)strategy).Depth : strategy.Name == "delay" ? "delay2" : strategy.Name,
        (i, shape) => i == 0 && strategy.NeedsMeasuredDecisions ? Strategy.Fifo : strategy.ForIteration(i, shape), single);

    internal static readonly Plan[] Plans =
    [
        Of(Strategy.Random, true),
        Of(Strategy.Pct(3), true),
        Of(Strategy.Pct(10), true),
        Of(Strategy.Pct(20), true),
        Of(Strategy.RandomDelays(2), true),
        Of(new AlternatingPortfolioStrategy(), false) with { Name = "alternating" },
        Of(Strategy.Portfolio, false),
        .. PortfolioCandidates.All,
    ];

    public static int Run(string[] args)
    {
        var runs = 4000;
        HashSet<string>? only = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--runs" && i + 1 < args.Length)
            {
                runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
            }
            else if (args[i] == "--only" && i + 1 < args.Length)
            {
                only = [.. args[++i].Split(',')];
            }
            else
            {
                Console.Error.WriteLine($"rates: unknown argument '{args[i]}'. Usage: rates [--runs N] [--only reorder_3,stack]");
                return 2;
            }
        }

        var clock = Stopwatch.StartNew();
        double fifoBound = 0, sampleBound = 0;
        var worst = Plans.Where(p => !p.Single).ToDictionary(p => p.Name, _ => (Ratio: 0.0, Over: new List<string>()));
        foreach (var benchmark in BugSet.All.Where(b => only is null || only.Contains(b.Name)))
        {
            var rates = new ArmRates(benchmark.Test, runs);
            var arms = new[] { Strategy.Random, new PctStrategy(3, rates.Shape.Decisions), new PctStrategy(10, rates.Shape.Decisions), new PctStrategy(20, rates.Shape.Decisions), new PctStrategy(PortfolioStrategy.DeepDepth(rates.Shape), rates.Shape.Decisions), new RandomDelaysStrategy(1, rates.Shape.Decisions), new RandomDelaysStrategy(2, rates.Shape.Decisions) };
            Console.WriteLine(Invariant($"{benchmark.Name} ({rates.Shape.Tasks} tasks, {rates.Shape.Decisions} decisions; FIFO {(rates.FifoFails ? "fails" : "passes")}); per run: ") +
                string.Join(", ", arms.Select(a => Invariant($"{a.Descriptor} {100 * rates.Of(a).Bug:0.###}% bug {100 * rates.Of(a).Distinct:0}% new"))));
            Console.WriteLine("    " + Bounds.Line(rates, arms, out var fifoFirst, out var sampleFirst));
            var expected = Plans.ToDictionary(p => p.Name, p => rates.Expected(i => p.ArmAt(i, rates.Shape), Budget));
            var best = Plans.Where(p => p.Single).MinBy(p => expected[p.Name])!;
            Console.WriteLine(Invariant($"    expected: best single {best.Name} {expected[best.Name]:0.##}; ") + string.Join(", ", Plans.Select(p => Invariant($"{p.Name} {expected[p.Name]:0.##}") + (p.Single ? "" : Invariant($" ({expected[p.Name] / expected[best.Name]:0.00}x)")))));
            fifoBound = Math.Max(fifoBound, fifoFirst / expected[best.Name]);
            sampleBound = Math.Max(sampleBound, sampleFirst / expected[best.Name]);
            var novel = arms.MaxBy(a => rates.Of(a).Distinct)!;
            var finder = arms.MaxBy(a => rates.Of(a).Bug)!;
            Console.WriteLine(Invariant($"    most new schedules: {novel.Descriptor} ({100 * rates.Of(novel).Bug:0.###}% bug); most bugs: {finder.Descriptor} ({100 * rates.Of(finder).Bug:0.###}%)"));
            foreach (var plan in Plans.Where(p => !p.Single))
            {
                var ratio = expected[plan.Name] / expected[best.Name];
                var (max, over) = worst[plan.Name];
                if (ratio > 1.5)
                {
                    over.Add(Invariant($"{benchmark.Name} {ratio:0.00}x"));
                }

                worst[plan.Name] = (Math.Max(max, ratio), over);
            }
        }

        foreach (var (name, (ratio, over)) in worst)
        {
            Console.WriteLine(Invariant($"{name}: worst {ratio:0.00}x of the best single strategy; over 1.5x: {(over.Count == 0 ? "none" : string.Join(", ", over))}"));
        }

        Console.WriteLine(Invariant($"lower bound over these arms, worst benchmark: a plan that starts with the FIFO order {fifoBound:0.00}x, one that starts with a random run {sampleBound:0.00}x of the best single strategy"));
        Console.WriteLine(Invariant($"rates took {clock.Elapsed.TotalSeconds:0} s"));
        return 0;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
