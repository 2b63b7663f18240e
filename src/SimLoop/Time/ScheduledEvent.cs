using SimLoop.Loop;

namespace SimLoop.Time;

/// <summary>
/// Something the loop must do at a virtual instant: a timer or a worker-pool completion. Ordered by
/// (Due, Sequence) where Sequence is the creation order, so ties never depend on hashing or heap layout.
/// </summary>
internal abstract class ScheduledEvent
{
    /// <summary>Virtual instant, in ticks since the start of the run.</summary>
    public long Due { get; private set; }

    /// <summary>Creation order among all events of the run: the tie-break at equal Due.</summary>
    public long Sequence { get; private set; }

    /// <summary>Bumped on every reschedule or cancel so stale heap entries are recognised and skipped.</summary>
    public int Version { get; private set; }

    public bool IsScheduled { get; private set; }

    /// <summary>The task that created the event, when it has one: what the event's firing queues belongs to it.</summary>
    public SimTask? Creator { get; init; }

    /// <summary>Why the continuation this event wakes became ready.</summary>
    public virtual ReadyReason Reason => ReadyReason.Timer;

    internal void MarkScheduled(long due, long sequence)
    {
        Due = due;
        Sequence = sequence;
        Version++;
        IsScheduled = true;
    }

    internal void MarkUnscheduled()
    {
        Version++;
        IsScheduled = false;
    }

    /// <summary>Runs between steps, when the loop takes the event off the queue.</summary>
    public abstract void Fire(EventLoop loop);

    /// <summary>Main finished while this event was pending; the default is to never fire.</summary>
    public virtual void CancelAtShutdown()
    {
    }
}
