using SimLoop.Loop;

namespace SimLoop;

// LoopModel.Asyncio: the run loop of CPython's BaseEventLoop._run_once, pass by pass. The default Pump is untouched;
// a run picks one of the two once, so the default model pays nothing for this one.
//
//   _run_once:  timeout = 0 if anything is ready, else until the earliest timer (autojump)
//               move every timer due <= now to the end of _ready, in (due, creation) order
//               run exactly the handles that were ready at that moment (ntodo); whatever they queue waits for the next pass
//
// A timer's handle only fires the event (asyncio.sleep's handle sets a future); the awaiter it wakes is queued then,
// behind everything already ready, and runs in a later pass (Task.__wakeup): two hops instead of the default's one.
public sealed partial class EventLoop
{
    private static readonly SendOrPostCallback s_fireHandle = static _ => { };
    private static readonly SendOrPostCallback s_stopAfterPass = static _ => { };

    private bool _stopQueued;
    private bool _stopAfterPass;

    // Null in the default model; LoopModel.Asyncio is every trait (the cross-check measures subsets).
    private readonly AsyncioTraits? _asyncio;

    private bool IsAsyncioModel => _asyncio is not null;

    private bool Has(AsyncioTraits trait) => (_asyncio.GetValueOrDefault() & trait) != 0;

    /// <summary>Runs passes until asyncio.run would stop (the pass after main finished) or the run has failed.</summary>
    private void PumpAsyncio()
    {
        var twoHops = Has(AsyncioTraits.TwoHopWake);
        var batches = Has(AsyncioTraits.Batches);
        var stopAfterPass = Has(AsyncioTraits.RunEnd);
        while (_failure is null)
        {
            if (_ready.Count == 0)
            {
                if (!_events.TryPeek(out var next))
                {
                    FailDeadlock();
                    return;
                }

                if (next.Due > _now)
                {
                    if (next.Due > _limitTicks)
                    {
                        FailTimeLimit(next.Due);
                        return;
                    }

                    _now = next.Due;
                }
            }

            MoveDueTimers(twoHops);
            var batch = batches ? _ready.Count : Math.Min(1, _ready.Count);
            for (var i = 0; i < batch; i++)
            {
                RunReadyItem(_ready.RemoveAt(0));
                if (_failure is not null || Volatile.Read(ref _foreignFailure) is not null)
                {
                    return;
                }

                if (!stopAfterPass && _main.IsFinished)
                {
                    return;
                }

                QueueStopOnceMainFinished();
                if (_trace.Count >= _options.MaxSteps)
                {
                    FailStepLimit();
                    return;
                }

                if (_now > _limitTicks)
                {
                    FailTimeLimit(_now);
                    return;
                }
            }

            if (_stopAfterPass)
            {
                return;
            }
        }
    }

    /// <summary>
    /// asyncio.run waits for main with run_until_complete, whose done callback (stop) is queued with call_soon when
    /// main finishes; run_forever ends after the pass that ran it. So the rest of main's pass, and the next pass up to
    /// and beyond that callback, still run: other tasks' ready work is not cut off at main's last line.
    /// </summary>
    private void QueueStopOnceMainFinished()
    {
        if (_main.IsFinished && !_stopQueued)
        {
            _stopQueued = true;
            _ready.Enqueue(new ReadyItem(s_stopAfterPass, null, _loopTask, _now, ReadyReason.Continuation));
        }
    }

    /// <summary>
    /// Moves every event due at or before now to the end of the ready queue as a handle, in (due, creation) order.
    /// Among events due at the same instant the strategy decides (asyncio's heap leaves ties undefined; FIFO keeps
    /// creation order, which is the order a real clock gives, since a later-created timer gets a later due time).
    /// </summary>
    private void MoveDueTimers(bool asHandles)
    {
        while (TryTakeDueEvent(out var due))
        {
            if (asHandles)
            {
                _ready.Enqueue(new ReadyItem(s_fireHandle, new TimerHandle(due), due.Creator ?? _loopTask, due.Due, due.Reason));
            }
            else
            {
                Fire(due);
            }
        }
    }

    /// <summary>One item of a pass: a timer handle (fires its event, not a step), asyncio.run's stop, or a step.</summary>
    private void RunReadyItem(in ReadyItem item)
    {
        if (ReferenceEquals(item.Callback, s_fireHandle))
        {
            var handle = (TimerHandle)item.State!;
            if (!handle.IsCancelled)
            {
                Fire(handle.Event);
            }
        }
        else if (ReferenceEquals(item.Callback, s_stopAfterPass))
        {
            _stopAfterPass = true;
        }
        else
        {
            RunStep(item);
        }
    }
}
