using System.Diagnostics;

namespace SimLoop.Time;

/// <summary>
/// Pending timers and worker completions, a binary heap on (due, sequence). Rescheduled and cancelled events
/// stay in the heap as stale entries (their version no longer matches) and are dropped when they surface:
/// O(log n) for every operation, no search.
/// </summary>
[DebuggerDisplay("Count = {Count}")]
internal sealed class EventQueue
{
    // No comparer: for a value-type priority the queue uses Comparer<Key>.Default, which the JIT devirtualises.
    private readonly PriorityQueue<Entry, Key> _heap = new();
    private long _nextSequence;

    /// <summary>Entries in the heap, stale ones included.</summary>
    public int Count => _heap.Count;

    public void Schedule(ScheduledEvent e, long due)
    {
        e.MarkScheduled(due, _nextSequence++);
        _heap.Enqueue(new Entry(e, e.Version), new Key(due, e.Sequence));
    }

    public static void Cancel(ScheduledEvent e) => e.MarkUnscheduled();

    /// <summary>The earliest live event, dropping stale entries on the way.</summary>
    public bool TryPeek(out ScheduledEvent next)
    {
        while (_heap.TryPeek(out var entry, out _))
        {
            if (entry.Event.IsScheduled && entry.Event.Version == entry.Version)
            {
                next = entry.Event;
                return true;
            }

            _heap.Dequeue();
        }

        next = null!;
        return false;
    }

    /// <summary>Moves every live event due exactly at <paramref name="due"/> into <paramref name="group"/>, in sequence order.</summary>
    public void TakeGroup(long due, List<ScheduledEvent> group)
    {
        while (TryPeek(out var next) && next.Due == due)
        {
            _heap.Dequeue();
            next.MarkUnscheduled();
            group.Add(next);
        }
    }

    /// <summary>Every live event, unscheduled, in (due, sequence) order: for shutdown.</summary>
    public List<ScheduledEvent> DrainLive()
    {
        var live = new List<ScheduledEvent>();
        while (TryPeek(out var next))
        {
            _heap.Dequeue();
            next.MarkUnscheduled();
            live.Add(next);
        }

        return live;
    }

    private readonly record struct Entry(ScheduledEvent Event, int Version);

    private readonly record struct Key(long Due, long Sequence) : IComparable<Key>
    {
        public int CompareTo(Key other)
        {
            var byDue = Due.CompareTo(other.Due);
            return byDue != 0 ? byDue : Sequence.CompareTo(other.Sequence);
        }
    }
}
