using SimLoop.Time;

namespace SimLoop.Loop;

/// <summary>
/// LoopModel.Asyncio: a due timer (or worker completion) moved to the ready queue, like asyncio's TimerHandle moved
/// from <c>_scheduled</c> to <c>_ready</c>. Running it only fires the event: what the event completes queues its
/// awaiter behind everything already ready (the second hop). Cancelled or rescheduled after it was moved, it is
/// skipped when its turn comes, as <c>_run_once</c> skips a handle whose <c>_cancelled</c> is set.
/// </summary>
internal sealed class TimerHandle
{
    public TimerHandle(ScheduledEvent due)
    {
        Event = due;
        Version = due.Version;
    }

    public ScheduledEvent Event { get; }

    /// <summary>The event's version when it was moved; any later cancel or reschedule changes it.</summary>
    public int Version { get; }

    public bool IsCancelled => Event.IsScheduled || Event.Version != Version;
}
