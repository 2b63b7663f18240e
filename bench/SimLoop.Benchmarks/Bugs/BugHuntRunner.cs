using SimLoop.Scheduling;

namespace SimLoop.Benchmarks.Bugs;

/// <summary>
/// Explores one benchmark with one strategy under many base seeds, counting iterations to the first bug (the
/// failing iteration included; iteration 0 of PCT, delays and the portfolios is the FIFO probe). Counts depend only
/// on the seeds, never on timing or on Parallelism.
/// </summary>
internal static class BugHuntRunner
{
    /// <summary>A strategy of the comparison: its column name, and whether its result depends on the seed.</summary>
    public sealed record Contender(string Name, Func<int, Strategy> Create, bool Systematic = false);

    public static readonly Contender[] Contenders =
    [
        new("random", _ => Strategy.Random),
        new("pct3", _ => Strategy.Pct(3)),
        new("pct10", _ => Strategy.Pct(10)),
        new("pct20", _ => Strategy.Pct(20)),
        new("delay2", _ => Strategy.RandomDelays(2)),
        new("idb", budget => Strategy.DelayBounded(budget), Systematic: true),
        new("ipb", budget => Strategy.PreemptionBounded(budget), Systematic: true),
        new("alternating", _ => new AlternatingPortfolioStrategy()),
        new("portfolio", _ => Strategy.Portfolio),
    ];

    /// <summary>The default before the adaptive portfolio (0.1.0-preview.1) (random, pct1, random, pct2, random, pct3, ...): the baseline column.</summary>
    public const string OldDefault = "alternating";

    /// <summary>The default of Sim.Explore and [SimTest].</summary>
    public const string Default = "portfolio";

    /// <summary>One seed's outcome; Bound is the delay bound of the failing schedule for systematic delay bounding.</summary>
    public sealed record Outcome(int Iterations, bool Found, int? Bound);

    /// <summary>Per seed outcomes of one (benchmark, strategy); a systematic search runs once (it has no seed).</summary>
    public sealed record Hunt(string Benchmark, string Strategy, IReadOnlyList<Outcome> Outcomes, int Budget)
    {
        public int Found => Outcomes.Count(o => o.Found);

        /// <summary>Mean over the seeds that found the bug (the published figures' convention); NaN if none did.</summary>
        public double MeanFound => Found == 0 ? double.NaN : Outcomes.Where(o => o.Found).Average(o => o.Iterations);

        /// <summary>Mean over every seed, a seed that did not find the bug counting as the whole budget.</summary>
        public double MeanAll => Outcomes.Average(o => o.Found ? o.Iterations : Budget);
    }

    public static Hunt Run(BugSet.Benchmark benchmark, Contender contender, int seeds, int budget)
    {
        var outcomes = new List<Outcome>();
        for (var seed = 1; seed <= (contender.Systematic ? 1 : seeds); seed++)
        {
            var result = Sim.Explore(benchmark.Test, new ExploreOptions
            {
                Seed = (ulong)seed,
                Iterations = budget,
                Strategy = contender.Create(budget),
                Parallelism = Environment.ProcessorCount,
                Shrink = false,
                CheckDeterminism = false,
            });
            var found = result.Failure is not null;
            int? bound = found && contender.Systematic ? (result.CompletedDelayBound ?? -1) + 1 : null;
            outcomes.Add(new Outcome(found ? result.Failure!.Iteration + 1 : result.Iterations, found, bound));
        }

        return new Hunt(benchmark.Name, contender.Name, outcomes, budget);
    }
}
