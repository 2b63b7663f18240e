using SimLoop.Diagnostics;
using SimLoop.Loop;
using SimLoop.Threads;
using SimLoop.Tracing;

namespace SimLoop;

// Work a simulation queues to the real thread pool (Task.Run, a ConfigureAwait(false) continuation, the completion
// of a task that runs continuations asynchronously, ...) runs under the loop's control: it becomes a ready item of
// the task whose step queued it, and when the strategy picks it, the pool thread that holds it runs it as that
// step while the loop thread waits. One thread acts for the simulation at a time; the order is the strategy's.
public sealed partial class EventLoop
{
    private static readonly SendOrPostCallback s_runPoolWork = static state => ((PoolWork)state!).Loop.RunPoolWork((PoolWork)state);

    private readonly int _homeThreadId = Environment.CurrentManagedThreadId;

    // Allocated on the first hand-off: a run that never leaves the loop pays nothing for it.
    private List<PoolWork>? _poolWork;

    // While the loop's events fire, the task whose event it is (what its callbacks queue belongs to that task).
    private SimTask? _firingOwner;

    /// <summary>
    /// Called by <see cref="RealThreadListener"/> on the thread acting for this loop, inside the runtime's enqueue: the
    /// current step (or event) queued a work item to the thread pool.
    /// </summary>
    internal void OnThreadPoolWork(long hash)
    {
        if (!_options.DetectEscapes || _failure is not null || _finished)
        {
            return;
        }

        if (_options.RejectThreadPoolWork)
        {
            ReportHandoff(RealWork.ThreadPool, dueMilliseconds: 0, ", and SimOptions.RejectThreadPoolWork forbids it");
            return;
        }

        var owner = _running ?? _firingOwner ?? _loopTask;
        if (ExecutionContext.Capture() is not { } context)
        {
            // The end of the work is seen when the simulation's context leaves the pool thread: without one, it cannot be.
            ReportHandoff(RealWork.ThreadPool, dueMilliseconds: 0, ", and SimLoop cannot run it: ExecutionContext flow is suppressed (ExecutionContext.SuppressFlow) in this step");
            return;
        }

        var work = new PoolWork(this, owner, hash, context);
        if (!PoolWorkRegistry.TryRegister(work))
        {
            // Two pending work items with one hash code (about one pair in 2^26) cannot be told apart when dequeued. Hash
            // codes differ from process to process, so this verdict does not replay: it is marked as decided by real time.
            ReportHandoff(RealWork.ThreadPool, dueMilliseconds: 0, ", and SimLoop cannot run it: another pending work item has the same hash code (a rare coincidence: rerun)", onRealTime: true);
            return;
        }

        (_poolWork ??= []).Add(work);
        _ready.Enqueue(new ReadyItem(s_runPoolWork, work, owner, _firing ? _firingReadyAt : _now, ReadyReason.ThreadPool));
    }

    /// <summary>The step that runs pool work: hand the loop to the pool thread holding it, and take it back when the work returns.</summary>
    private void RunPoolWork(PoolWork work)
    {
        // Real time passes here, but nothing the simulation sees depends on how much: the loop waits for this item.
        if (!work.WaitArrived(_options.WatchdogTimeout))
        {
            PoolWorkRegistry.Forget(work);
            Fail(new RunFailure(
                FailureKind.UncontrolledConcurrency,
                $"work that task '{work.Owner.Name}' queued to the thread pool was not picked up by a pool thread within " +
                $"{TimeFormat.Duration(_options.WatchdogTimeout)} of real time {At}.",
                Why: "SimLoop runs such work as a step of the loop on the pool thread that dequeues it. Either the pool is starved (every pool thread is " +
                     "blocked), or the work was taken off the queue another way (a Task waited on synchronously runs inline on the waiting thread).",
                Fix: "Do not block pool threads while a simulation runs; await tasks instead of Wait()/Result. Or set SimOptions.RejectThreadPoolWork " +
                     "to find where the simulation queues pool work, and use Sim.ToThread or Sim.Spawn there.",
                TaskName: work.Owner.Name));
            return;
        }

        work.Grant();
        work.WaitDone();
        _poolWork!.Remove(work);
    }

    /// <summary>On the pool thread, once granted: this thread acts for the loop until the work returns.</summary>
    internal void ActOnPoolThread(PoolWork work)
    {
        _threadId = Environment.CurrentManagedThreadId;
        t_current = this;
        SynchronizationContext.SetSynchronizationContext(new StepContext(this, work.Owner));

        // Work queued without a context (the runtime's own completions) then runs in the queuing step's; either way
        // the context leaves this thread exactly when the work returns to the dispatch loop, which is how the loop
        // learns that it has finished (EscapeDetector's change handler).
        ExecutionContext.Restore(work.Context);
    }

    /// <summary>On the pool thread, as the work returns: the loop's own thread acts again.</summary>
    internal void LeavePoolThread()
    {
        t_current = null;
        _threadId = _homeThreadId;
    }

    /// <summary>The run is over: pool work it never ran goes back to the pool, outside any simulation.</summary>
    private void ReleasePoolWork()
    {
        if (_poolWork is null)
        {
            return;
        }

        foreach (var work in _poolWork)
        {
            PoolWorkRegistry.Forget(work);
            work.Release();
        }

        _poolWork.Clear();
    }
}
