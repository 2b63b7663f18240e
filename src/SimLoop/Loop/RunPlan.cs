using SimLoop.Exploration;
using SimLoop.Scheduling;

namespace SimLoop.Loop;

/// <summary>Everything that decides a run's schedule: the seed, the strategy, and optionally recorded decisions.</summary>
internal sealed record RunPlan(ulong Seed, Strategy Strategy, IReadOnlyList<int>? Decisions = null, int? Iteration = null, bool RecordDecisions = false)
{
    /// <summary>Exploration: what to do when the watchdog finds a step that cannot be interrupted (abandon the worker thread).</summary>
    public Action<EventLoop>? OnStall { get; init; }

    /// <summary>Exhaustive search hands in the scheduler that follows its prefix.</summary>
    public Scheduler? Scheduler { get; init; }

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
        Scheduler ?? (Decisions is null ? Strategy.CreateScheduler(Seed) : new ReplayScheduler(Seed, Decisions));

    /// <summary>The replay token; trailing zeros of a decision list are implied (an exhausted list continues with 0).</summary>
    public string Token(IReadOnlyList<int>? decisions = null)
    {
        var list = decisions ?? Decisions;
        return new ReplayToken(Strategy.Descriptor, Seed, list is null ? null : TrimTrailingZeros(list)).ToString();
    }

    public static List<int> TrimTrailingZeros(IReadOnlyList<int> decisions)
    {
        var length = decisions.Count;
        while (length > 0 && decisions[length - 1] == 0)
        {
            length--;
        }

        return decisions.Take(length).ToList();
    }
}
