using SimLoop.Loop;

namespace SimLoop;

// How continuations reach the ready queue: posted to a step's SynchronizationContext, queued by SimLoop's own
// awaiters, or woken by a firing event. Nothing here allocates.
public sealed partial class EventLoop
{
    private readonly List<PendingYield> _yields = [];
    private bool _finished;

    /// <summary>True once the run has ended: its timers and events can no longer fire.</summary>
    internal bool IsFinished => _finished;

    internal void Post(SimTask owner, SendOrPostCallback callback, object? state)
    {
        if (Environment.CurrentManagedThreadId != _threadId)
        {
            ReportForeignPost(callback, state);
            return;
        }

        if (_finished)
        {
            // The run is over; a late completion (a test finishing a TaskCompletionSource afterwards) has no loop to resume on.
            return;
        }

        _ready.Enqueue(_firing
            ? new ReadyItem(callback, state, owner, _firingReadyAt, _firingReason)
            : new ReadyItem(callback, state, owner, _now, ReadyReason.Continuation));
    }

    /// <summary>Send is synchronous by definition: on the loop thread it runs in the current step.</summary>
    internal void Send(SendOrPostCallback callback, object? state)
    {
        EnsureOnLoopThread("SynchronizationContext.Send");
        callback(state);
    }

    /// <summary>
    /// Sim.Yield: the running task's continuation is queued behind everything ready when the step ends. asyncio
    /// reschedules a task that yields at the end of its step too (the yield travels up to Task.__step), so code
    /// the same step still runs after the await (a caller continuing after a nested async call) queues first.
    /// </summary>
    internal void EnqueueYield(Action continuation)
    {
        EnsureOnLoopThread("Sim.Yield");
        var owner = _running ?? throw NotInStep("await Sim.Yield()");
        _yields.Add(new PendingYield(continuation, null, owner));
    }

    /// <summary>Queues the step's yields in the order they were awaited; runs when the step's code has returned.</summary>
    private void FlushYields()
    {
        if (_yields.Count == 0)
        {
            return;
        }

        _firing = true;
        _firingReason = ReadyReason.Yield;
        _firingReadyAt = _now;
        try
        {
            for (var i = 0; i < _yields.Count; i++)
            {
                var pending = _yields[i];
                if (pending.Continuation is not null)
                {
                    _ready.Enqueue(new ReadyItem(pending.Continuation, pending.Owner, _now, ReadyReason.Yield));
                }
                else
                {
                    pending.Delay!.Fire(this);
                }
            }
        }
        finally
        {
            _firing = false;
            _yields.Clear();
        }
    }

    private InvalidOperationException NotInStep(string api) => new(
        _workerDepth > 0
            ? $"{api} was called inside Sim.ToThread work. The work delegate runs atomically on a simulated worker at its finish instant; " +
              "its duration is the cost passed to Sim.ToThread, so it cannot await, yield or declare Cpu/Block time. Move that part after the await of Sim.ToThread."
            : $"{api} was called while no step was running (for example from a cancellation callback run by the loop between steps). " +
              "Call it from the code of a simulated task.");
}

/// <summary>A yield awaiting the end of its step: SimLoop's own awaiter (Continuation) or Sim.Delay(0) (Delay).</summary>
internal readonly record struct PendingYield(Action? Continuation, Time.DelayEvent? Delay, SimTask Owner);
