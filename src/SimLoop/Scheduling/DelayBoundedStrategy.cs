namespace SimLoop.Scheduling;

/// <summary>
/// Iterative delay bounding (Emmi, Qadeer and Rakamarić, POPL 2011; the strongest systematic technique of the
/// SCTBench study): schedules that deviate from FIFO by few delays first. Choosing index j at a decision costs j
/// delays (the j continuations ahead of it are skipped); bound 0 is the FIFO schedule, then every schedule of
/// cost exactly 1, exactly 2, and so on, so no schedule runs twice. The explorer reports the highest bound whose
/// schedules all ran (<see cref="ExplorationResult.CompletedDelayBound"/>) and, when no decision is left to delay,
/// that the whole space was covered. Runs are sequential, like exhaustive search.
/// </summary>
internal sealed class DelayBoundedStrategy : Strategy
{
    public DelayBoundedStrategy(int maxSchedules) => MaxSchedules = maxSchedules;

    internal override int MaxSchedules { get; }

    public override string Name => "idb";

    /// <summary>A single run outside exploration: bound 0, the FIFO schedule.</summary>
    internal override Scheduler CreateScheduler(ulong seed) => new ExhaustiveStrategy.DfsScheduler(seed, []);

    internal override SystematicSearch CreateSearch() => new DelayLevels();
}
