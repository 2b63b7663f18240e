using SimLoop.Loop;
using SimLoop.Tracing;

namespace SimLoop.Fairness;

/// <summary>
/// Per-step bookkeeping behind <see cref="FairnessReport"/>: a handful of additions per step into counters
/// that never grow (per-task counters live on <see cref="SimTask"/>); only slow steps are listed.
/// </summary>
internal sealed class FairnessTracker
{
    private readonly long _slowThreshold;
    private readonly List<SlowStep> _slowSteps = [];

    public FairnessTracker(TimeSpan slowStepThreshold) => _slowThreshold = slowStepThreshold.Ticks;

    public long LoopBusy { get; private set; }

    public long MaxLoopLag { get; private set; }

    public IReadOnlyList<SlowStep> SlowSteps => _slowSteps;

    public void Account(SimTask owner, in StepRecord step, long cpu, long block)
    {
        var delay = step.Start - step.ReadyAt;
        owner.Steps++;
        owner.TotalSchedulingDelay += delay;
        owner.MaxSchedulingDelay = Math.Max(owner.MaxSchedulingDelay, delay);
        if (step.Reason == ReadyReason.Timer)
        {
            // Woken by a timer: ready from its due time, so the delay is the timer's lateness.
            owner.TimerWakeups++;
            owner.MaxTimerLateness = Math.Max(owner.MaxTimerLateness, delay);
            MaxLoopLag = Math.Max(MaxLoopLag, delay);
        }

        owner.CpuTicks += cpu;
        owner.BlockTicks += block;
        var cost = cpu + block;
        LoopBusy += cost;
        if (cost > 0 && cost >= _slowThreshold)
        {
            _slowSteps.Add(new SlowStep(
                TimeSpan.FromTicks(step.Start),
                TimeSpan.FromTicks(cost),
                owner.Name,
                step.LongestLabel,
                step.LongestKind));
        }
    }
}
