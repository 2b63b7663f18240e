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

    /// <summary>Uniform over the ready continuations at every step (and over same-instant events).</summary>
    public static Strategy Random { get; } = new RandomStrategy();

    /// <summary>The default of exploration (Sim.Explore): iterations alternate between Random and PCT with depths 1 to 3.</summary>
    public static Strategy Portfolio { get; } = new PortfolioStrategy();

    /// <summary>
    /// Probabilistic Concurrency Testing: random task priorities plus <paramref name="depth"/> - 1 priority change
    /// points over the expected number of decisions (measured by exploration from a probe run of the program).
    /// Finds a bug that needs d specific orderings with probability at least 1/(n k^(d-1)) per run.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="depth"/> is below 1.</exception>
    public static Strategy Pct(int depth = 3)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        return new PctStrategy(depth, PctStrategy.DefaultExpectedSteps, learnsSteps: true);
    }

    /// <summary>
    /// Bounded depth-first search over every decision (ready order, same-instant events, Sim.Chance/Choose): never
    /// repeats a schedule, stops after <paramref name="maxSchedules"/> and reports whether the space was covered.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxSchedules"/> is below 1.</exception>
    public static Strategy Exhaustive(int maxSchedules = 10_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSchedules, 1);
        return new ExhaustiveStrategy(maxSchedules);
    }

    /// <summary>The short name used in replay tokens, reports and SIMLOOP_STRATEGY.</summary>
    public abstract string Name { get; }

    /// <summary>What a replay token stores to rebuild this strategy (the name plus any learned parameters).</summary>
    internal virtual string Descriptor => Name;

    /// <summary>Exhaustive search must run its iterations one after the other.</summary>
    internal virtual bool IsSequentialOnly => false;

    /// <summary>True when iterations need the decision count measured by iteration 0 (PCT, Portfolio).</summary>
    internal virtual bool NeedsMeasuredDecisions => false;

    /// <summary>The concrete strategy of one exploration iteration (Portfolio alternates; PCT learns the decision count).</summary>
    internal virtual Strategy ForIteration(int iteration, int measuredDecisions) => this;

    /// <summary>Creates the decision maker of one run.</summary>
    internal abstract Scheduler CreateScheduler(ulong seed);

    /// <inheritdoc />
    public override string ToString() => Name;
}
