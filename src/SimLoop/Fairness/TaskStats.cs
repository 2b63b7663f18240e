namespace SimLoop;

/// <summary>What one simulated task got from the loop. Definitions: docs/fairness.md.</summary>
/// <param name="Name">The task's name (main, or the name given to Sim.Spawn).</param>
/// <param name="Steps">Steps that ran the task's code.</param>
/// <param name="CpuTime">Sum of its Sim.Cpu sections.</param>
/// <param name="BlockTime">Sum of its Sim.Block sections.</param>
/// <param name="MaxSchedulingDelay">Largest (step start - instant its continuation became ready).</param>
/// <param name="TotalSchedulingDelay">Sum of its steps' scheduling delays.</param>
/// <param name="MaxTimerLateness">Largest (step start - timer due time) over steps woken by a timer.</param>
/// <param name="TimerWakeups">Steps woken by a timer.</param>
/// <param name="WorkerJobs">Sim.ToThread jobs it submitted.</param>
/// <param name="WorkerTime">Sum of the costs of those jobs (time on the simulated pool, not on the loop).</param>
/// <param name="MaxQueueDelay">Largest wait of one of its jobs for a free worker.</param>
public sealed record TaskStats(
    string Name,
    long Steps,
    TimeSpan CpuTime,
    TimeSpan BlockTime,
    TimeSpan MaxSchedulingDelay,
    TimeSpan TotalSchedulingDelay,
    TimeSpan MaxTimerLateness,
    long TimerWakeups,
    long WorkerJobs,
    TimeSpan WorkerTime,
    TimeSpan MaxQueueDelay)
{
    /// <summary>CpuTime + BlockTime: how long the task held the loop.</summary>
    public TimeSpan LoopTime => CpuTime + BlockTime;
}
