namespace SimLoop.Scheduling;

/// <summary>
/// The enumeration of <see cref="PreemptionBoundedStrategy"/>: <see cref="BoundedLevels"/> over the non-preemptive
/// default. A deviation at a preemption point costs 1 if it runs another task (0 if it runs another continuation of
/// the same task). Elsewhere (a free switch, an event order, Sim.Choose/Chance) rank j costs j, as a delay would:
/// classic CHESS branches freely there, which makes bound 0 alone every non-preemptive order of the tasks (n! with
/// n tasks; docs/exploration.md has the measurement).
/// </summary>
internal sealed class PreemptionLevels : BoundedLevels
{
    public override string BoundUnit => "preemptions";

    public override Scheduler SchedulerFor(ulong seed, IReadOnlyList<int> prefix) => new PreemptionScheduler(seed, prefix);

    protected override IReadOnlyList<PreemptionPoint> PathOf(Scheduler scheduler) => ((PreemptionScheduler)scheduler).Path;
}
