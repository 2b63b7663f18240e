using System.Diagnostics;

namespace SimLoop.Loop;

/// <summary>
/// The identity of a simulated task (main or spawned) and the counters the fairness report is built from.
/// Every step belongs to exactly one SimTask: the one whose code runs in it.
/// </summary>
[DebuggerDisplay("{Name} (#{Id}, {Steps} steps)")]
internal sealed class SimTask
{
    public SimTask(int id, string name)
    {
        Id = id;
        Name = name;
    }

    /// <summary>Creation order: 0 is the loop itself, 1 is main. Never a Task.Id.</summary>
    public int Id { get; }

    public string Name { get; }

    /// <summary>The task that <c>main</c> or the spawned body returned; walked for the deadlock report.</summary>
    public Task? Body { get; set; }

    /// <summary>The task handed to the caller of Spawn (completes when Body does).</summary>
    public Task? Completion { get; set; }

    /// <summary>Cancelled when main finishes while this task is still pending (asyncio.run's clean-up).</summary>
    public CancellationTokenSource? Cancellation { get; set; }

    public bool IsFinished => Completion is { IsCompleted: true };

    public bool CancelledAtShutdown { get; set; }

    /// <summary>The PCT strategy's priority of this task (0 until it first competes for the loop).</summary>
    public long Priority;

    // Fairness counters, all in ticks of virtual time. Updated once per step; never grow with history.
    public long Steps;
    public long CpuTicks;
    public long BlockTicks;
    public long MaxSchedulingDelay;
    public long TotalSchedulingDelay;
    public long MaxTimerLateness;
    public long TimerWakeups;
    public long WorkerJobs;
    public long WorkerTicks;
    public long MaxQueueDelay;
}
