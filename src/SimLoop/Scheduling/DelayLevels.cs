namespace SimLoop.Scheduling;

/// <summary>
/// The enumeration of <see cref="DelayBoundedStrategy"/>: <see cref="BoundedLevels"/> over FIFO, where running the
/// continuation at index j of a decision costs j delays everywhere. The schedules of cost b are, for every schedule
/// already run of cost c &lt; b and every decision after its last deviation with more than b - c candidates, that
/// schedule with index b - c at that decision.
/// </summary>
internal sealed class DelayLevels : BoundedLevels
{
    protected override IReadOnlyList<PreemptionPoint> PathOf(Scheduler scheduler) =>
        ((ExhaustiveStrategy.DfsScheduler)scheduler).Path.Select(decision => new PreemptionPoint(decision.Choice, decision.Count, FreeRanks: 0)).ToList();
}
