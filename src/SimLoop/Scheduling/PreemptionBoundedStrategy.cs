namespace SimLoop.Scheduling;

/// <summary>
/// Iterative preemption bounding (Musuvathi and Qadeer, PLDI 2007, as CHESS runs it): schedules with few
/// preemptions first. A preemption is a ready-queue decision that runs another task while the task whose step just
/// ran is still ready (it yielded); beyond a prefix a run keeps running that task, or FIFO when it is not ready.
/// Bound 0 is that non-preemptive schedule, then every schedule with exactly 1 preemption, 2, ... (never one twice).
/// Unlike classic CHESS, a switch where the last task is not ready keeps FIFO order and choosing index j there costs
/// j, as a delay would (<see cref="PreemptionLevels"/>). Runs are sequential, like delay bounding.
/// </summary>
internal sealed class PreemptionBoundedStrategy(int maxSchedules) : Strategy
{
    internal override int MaxSchedules { get; } = maxSchedules;

    public override string Name => "ipb";

    /// <summary>A single run outside exploration: bound 0, the non-preemptive schedule.</summary>
    internal override Scheduler CreateScheduler(ulong seed) => new PreemptionScheduler(seed, []);

    internal override SystematicSearch CreateSearch() => new PreemptionLevels();
}
