using SimLoop.Exploration;
using SimLoop.Scheduling;

namespace SimLoop.Loop;

/// <summary>Everything that decides a run's schedule: the seed, the strategy, and optionally recorded decisions.</summary>
internal sealed record RunPlan(ulong Seed, Strategy Strategy, IReadOnlyList<int>? Decisions = null, int? Iteration = null, bool RecordDecisions = false)
{
    /// <summary>The plan of a single Sim.Run: its replay token if it has one, else its seed and strategy.</summary>
    public static RunPlan For(SimOptions options)
    {
        if (options.Replay is null)
        {
            return new RunPlan(options.Seed, options.Strategy);
        }

        var token = ReplayToken.Parse(options.Replay);
        return new RunPlan(token.Seed, StrategyParser.FromDescriptor(token.Strategy, options.Replay), token.Decisions);
    }

    public Scheduler CreateScheduler() =>
        Decisions is null ? Strategy.CreateScheduler(Seed) : new ReplayScheduler(Seed, Decisions);

    public string Token(IReadOnlyList<int>? decisions = null) =>
        new ReplayToken(Strategy.Descriptor, Seed, decisions ?? Decisions).ToString();
}
