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

    /// <summary>The default of exploration (Sim.Explore, [SimTest]): FIFO first, then cycles of one Random and three deep PCT runs (depth from the task count).</summary>
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
        return new PctStrategy(depth, StepLearningStrategy.DefaultExpectedSteps, learnsSteps: true);
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

    /// <summary>
    /// Iterative delay bounding: the FIFO schedule, then every schedule with exactly 1 delay, exactly 2, ... (a
    /// delay skips the continuation at the head of the ready queue; running the one at index j costs j). Never
    /// repeats a schedule, stops after <paramref name="maxSchedules"/>, and reports the highest bound it covered
    /// (<see cref="ExplorationResult.CompletedDelayBound"/>) and whether the whole space was covered.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxSchedules"/> is below 1.</exception>
    public static Strategy DelayBounded(int maxSchedules = 10_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSchedules, 1);
        return new DelayBoundedStrategy(maxSchedules);
    }

    /// <summary>
    /// Iterative preemption bounding (CHESS): the non-preemptive schedule (each task runs until it awaits something
    /// not ready or completes; then FIFO), then every schedule with exactly 1 preemption, exactly 2, ... A
    /// preemption runs another task while the one whose step just ran is still ready; at a switch where it is not,
    /// running the continuation at index j costs j, as a delay would. Never repeats a schedule, stops after
    /// <paramref name="maxSchedules"/>, and reports the highest bound it covered
    /// (<see cref="ExplorationResult.CompletedDelayBound"/>, counted in preemptions) and whether the whole space was covered.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxSchedules"/> is below 1.</exception>
    public static Strategy PreemptionBounded(int maxSchedules = 10_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSchedules, 1);
        return new PreemptionBoundedStrategy(maxSchedules);
    }

    /// <summary>
    /// Probabilistic delay bounding: the FIFO schedule with <paramref name="bound"/> delays placed at random over
    /// the measured number of task decisions; samples the schedules <see cref="DelayBounded"/> enumerates.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bound"/> is below 1.</exception>
    public static Strategy RandomDelays(int bound = 2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bound, 1);
        return new RandomDelaysStrategy(bound, StepLearningStrategy.DefaultExpectedSteps, learnsSteps: true);
    }

    /// <summary>The short name used in replay tokens, reports and SIMLOOP_STRATEGY.</summary>
    public abstract string Name { get; }

    /// <summary>What a replay token stores to rebuild this strategy (the name plus any learned parameters).</summary>
    internal virtual string Descriptor => Name;

    /// <summary>Systematic searches (exhaustive, delay bounding) run their schedules one after the other.</summary>
    internal bool IsSequentialOnly => CreateSearch() is not null;

    /// <summary>Systematic searches: the most schedules the strategy itself allows (the exploration's Iterations bound them too).</summary>
    internal virtual int MaxSchedules => int.MaxValue;

    /// <summary>The enumeration of a systematic search, fresh for each exploration; null for sampling strategies.</summary>
    internal virtual SystematicSearch? CreateSearch() => null;

    /// <summary>True when iterations need the shape measured by the FIFO probe of iteration 0 (PCT, random delays, Portfolio).</summary>
    internal virtual bool NeedsMeasuredDecisions => false;

    /// <summary>The concrete strategy of one exploration iteration (Portfolio picks one; PCT learns the decision count).</summary>
    internal virtual Strategy ForIteration(int iteration, ProgramShape shape) => this;

    /// <summary>Creates the decision maker of one run.</summary>
    internal abstract Scheduler CreateScheduler(ulong seed);

    /// <inheritdoc />
    public override string ToString() => Name;
}
