using SimLoop.Scheduling;

namespace SimLoop;

/// <summary>
/// How the loop resolves its choices: which ready continuation runs next, and in what order events due at the
/// same instant fire. Every strategy is deterministic given the run's seed.
/// </summary>
public abstract class Strategy
{
    private protected Strategy()
    {
    }

    /// <summary>asyncio's order: ready continuations in the order they became ready; same-instant timers in creation order.</summary>
    public static Strategy Fifo { get; } = new FifoStrategy();

    /// <summary>The short name used in replay tokens, reports and SIMLOOP_STRATEGY.</summary>
    public abstract string Name { get; }

    /// <summary>What a replay token stores to rebuild this strategy (the name plus any learned parameters).</summary>
    internal virtual string Descriptor => Name;

    /// <summary>Creates the decision maker of one run.</summary>
    internal abstract Scheduler CreateScheduler(ulong seed);

    /// <inheritdoc />
    public override string ToString() => Name;
}
