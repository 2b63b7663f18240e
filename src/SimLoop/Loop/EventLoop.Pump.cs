using SimLoop.Diagnostics;
using SimLoop.Loop;
using SimLoop.Time;
using SimLoop.Tracing;

namespace SimLoop;

// The run loop: fire due events, pick a ready continuation, run it as one step, account for it; when nothing is
// ready, jump the clock to the next event (autojump, as trio's MockClock and Go's synctest do).
public sealed partial class EventLoop
{
    private SimTask? _running;
    private long _stepCpu;
    private long _stepBlock;
    private long _longestDuration;
    private long _longestStart;
    private string? _longestLabel;
    private SectionKind _longestKind;

    // While events fire (between steps), continuations they wake are tagged with the event's reason and instant.
    private bool _firing;
    private ReadyReason _firingReason;
    private long _firingReadyAt;

    /// <summary>Runs steps until main has finished or the run has failed.</summary>
    private void Pump()
    {
        while (_failure is null && !_main.IsFinished)
        {
            FireDueEvents();
            if (_main.IsFinished)
            {
                // A firing event can finish main directly (main = () => Sim.Delay(t) has no step of its own after it).
                return;
            }

            if (_ready.Count == 0)
            {
                if (!_events.TryPeek(out var next))
                {
                    FailDeadlock();
                    return;
                }

                if (next.Due > _limitTicks)
                {
                    FailTimeLimit(next.Due);
                    return;
                }

                _now = next.Due;
                continue;
            }

            RunStep(TakeReady());
            if (_failure is not null || _main.IsFinished || Volatile.Read(ref _foreignFailure) is not null)
            {
                return;
            }

            if (_trace.Count >= _options.MaxSteps)
            {
                FailStepLimit();
            }
            else if (_now > _limitTicks)
            {
                FailTimeLimit(_now);
            }
        }
    }

    private int _readyDecisions;

    private ReadyItem TakeReady()
    {
        ReadyItem item;
        if (_ready.Count == 1)
        {
            item = _ready.RemoveAt(0);
        }
        else
        {
            _readyDecisions++;
            item = _ready.RemoveAt(RecordDecision(_scheduler.PickReady(_ready), _ready.Count));
        }

        _ready.LastTakenId = item.Owner.Id;
        return item;
    }

    /// <summary>
    /// Before each step, events due at or before now are handled in (due, creation) order; among events due at the
    /// same instant the strategy decides the order (FIFO keeps creation order, as Go's synctest does).
    /// </summary>
    private void FireDueEvents()
    {
        while (TryTakeDueEvent(out var due))
        {
            Fire(due);
        }
    }

    /// <summary>
    /// The next event due at or before now, in (due, creation) order with the strategy deciding among events due at
    /// the same instant; false when none is due. Both loop models take due events through here.
    /// </summary>
    private bool TryTakeDueEvent([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ScheduledEvent? due)
    {
        if (_sameInstant.Count == 0)
        {
            if (!_events.TryPeek(out var next) || next.Due > _now)
            {
                due = null;
                return false;
            }

            // The group is held in reverse creation order, so FIFO's pick (the oldest) is a removal at the end: O(1)
            // per event even when a hundred thousand timers fall due together.
            _events.TakeGroup(next.Due, _sameInstant);
            _sameInstant.Reverse();
        }

        var count = _sameInstant.Count;
        var index = count == 1 ? 0 : RecordDecision(_scheduler.PickEvent(count), count);
        due = _sameInstant[count - 1 - index];
        _sameInstant.RemoveAt(count - 1 - index);
        return true;
    }

    private void Fire(ScheduledEvent due)
    {
        _firing = true;
        _firingReason = due.Reason;
        _firingReadyAt = due.Due;
        _firingOwner = due.Creator;
        try
        {
            due.Fire(this);
        }
        catch (Exception exception)
        {
            FailEscapedException(_loopTask, exception, "while the loop fired a timer or worker completion");
        }
        finally
        {
            _firing = false;
            _firingOwner = null;
        }
    }

    private void RunStep(in ReadyItem item) => Execute(item, "in a step", alwaysRecord: true);

    /// <summary>
    /// A timer of Sim.Time fires the way Sim.Delay does: its callback runs as the loop fires the timer, before the next
    /// step, under the creator's ownership, and what it wakes is ready from the due instant (the caller keeps the
    /// firing state). So Task.Delay(t, Sim.Time) and Sim.Delay(t) take the same steps. A callback that declares a cost
    /// (Sim.Cpu, Sim.Block) holds the loop like a step and is recorded as one, charged to the timer's creator.
    /// </summary>
    internal void RunTimerCallback(SendOrPostCallback callback, object? state, SimTask owner)
    {
        var (reason, readyAt) = (_firingReason, _firingReadyAt);
        _inTimerCallback = true;
        try
        {
            Execute(new ReadyItem(callback, state, owner, readyAt, ReadyReason.Timer), "in a timer callback", alwaysRecord: false);
        }
        finally
        {
            _inTimerCallback = false;
            (_firing, _firingReason, _firingReadyAt) = (true, reason, readyAt);
        }
    }

    private bool _inTimerCallback;

    private void Execute(in ReadyItem item, string where, bool alwaysRecord)
    {
        var owner = item.Owner;
        var start = _now;
        (_stepStart, _stepReadyAt, _stepReason) = (start, item.ReadyAt, item.Reason);
        _running = owner;
        _stepCpu = 0;
        _stepBlock = 0;
        _longestDuration = -1;
        _longestLabel = null;
        var firstSection = _trace.SectionCount;
        var source = _trace.RecordsAll ? ContinuationSource.Describe(item.Target) : null;
        _stepChoices = null;

        // A fresh context per step: see StepContext for why this is what prevents inline resumption.
        SynchronizationContext.SetSynchronizationContext(new StepContext(this, owner));
        _stepSerial++;
        try
        {
            item.Invoke();
        }
        catch (Exception exception)
        {
            FailEscapedException(owner, exception, where);
        }
        finally
        {
            _stepSerial++;
            _running = null;
            SynchronizationContext.SetSynchronizationContext(_betweenSteps);
        }

        FlushYields();
        if (!alwaysRecord && _longestDuration < 0)
        {
            return;
        }

        var record = new StepRecord
        {
            Index = _trace.Count,
            Start = start,
            End = _now,
            ReadyAt = item.ReadyAt,
            TaskId = owner.Id,
            Reason = item.Reason,
            FirstSection = firstSection,
            SectionCount = _trace.SectionCount - firstSection,
            LongestLabel = _longestLabel,
            LongestKind = _longestKind,
            LongestStart = _longestStart,
            LongestDuration = Math.Max(0, _longestDuration),
            Source = source,
            Choices = _stepChoices,
        };
        _trace.Record(record);
        _fairness.Account(owner, record, _stepCpu, _stepBlock);
    }
}
