using System.Diagnostics;
using SimLoop.Loop;

namespace SimLoop.Threads;

/// <summary>
/// One work item a simulation queued to the real thread pool, known only by the hash code the runtime reports for it.
/// The pool thread that picks it up parks before running it (<see cref="PoolWorkRegistry"/>) until the loop, having
/// chosen it as a step of the task that queued it, grants it the loop; the loop then waits until it has finished.
/// The three signals carry the hand-over both ways, so only one thread acts for the simulation at any moment.
/// </summary>
[DebuggerDisplay("pool work {Hash} of '{Owner.Name}'")]
internal sealed class PoolWork
{
    // Parking waits on a Task: the pool sees a blocked worker there and adds threads without its starvation delay.
    private readonly TaskCompletionSource _granted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PoolWork(EventLoop loop, SimTask owner, long hash, ExecutionContext context)
    {
        Loop = loop;
        Owner = owner;
        Hash = hash;
        Context = context;
    }

    public EventLoop Loop { get; }

    /// <summary>The task whose step queued the work: the work runs as a step of it.</summary>
    public SimTask Owner { get; }

    /// <summary>What the runtime's ThreadPoolEnqueueWork / DequeueWork events name the work item by.</summary>
    public long Hash { get; }

    /// <summary>The queuing step's ExecutionContext, restored on the pool thread so the end of the work is observable.</summary>
    public ExecutionContext Context { get; }

    /// <summary>False when the run ended before granting: the work then runs outside any simulation.</summary>
    public bool RunsInSimulation { get; private set; }

    /// <summary>Pool thread: arrived, wait for the loop's decision.</summary>
    public bool Park()
    {
        PoolWorkRegistry.Parking(+1);
        _arrived.TrySetResult();
        _granted.Task.Wait();
        PoolWorkRegistry.Parking(-1);
        return RunsInSimulation;
    }

    /// <summary>
    /// Loop thread: wait (real time) for a pool thread to pick the work up. Pool threads holding work the strategy has
    /// not chosen yet are parked, and the pool adds threads slowly once its minimum is busy; so when the work does not
    /// arrive at once, the minimum is raised above the parked threads and the work the simulations still wait for.
    /// </summary>
    public bool WaitArrived(TimeSpan timeout) => OffTheStep(() =>
    {
        if (_arrived.Task.Wait(1))
        {
            return true;
        }

        PoolWorkRegistry.MakeRoom();
        return _arrived.Task.Wait(timeout);
    });

    /// <summary>Loop thread: let the parked pool thread run the work as the current step.</summary>
    public void Grant()
    {
        RunsInSimulation = true;
        _granted.TrySetResult();
    }

    /// <summary>The run is over: let a parked (or future) pool thread run the work outside the simulation.</summary>
    public void Release() => _granted.TrySetResult();

    /// <summary>Pool thread: the work item has returned to the pool's dispatch loop.</summary>
    public void Finish() => _done.TrySetResult();

    /// <summary>Loop thread: wait for the work to finish.</summary>
    public void WaitDone() => OffTheStep(() => _done.Task.Wait(Timeout.Infinite));

    // The step's context reports every blocking wait on the loop thread as the user's; this one is the loop's own.
    private static bool OffTheStep(Func<bool> wait)
    {
        var step = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            return wait();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(step);
        }
    }
}
