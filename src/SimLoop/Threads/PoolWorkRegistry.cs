using System.Collections.Concurrent;

namespace SimLoop.Threads;

/// <summary>
/// The process's table of pool work that simulations queued and have not yet run, by the runtime's hash of the work
/// item. The loop registers an item inside the step that queues it; the pool thread that dequeues it finds it here
/// (synchronously, before running it) and parks. Lookups only match; nothing here feeds a scheduling decision.
/// </summary>
internal static class PoolWorkRegistry
{
    private static readonly ConcurrentDictionary<long, PoolWork> s_pending = new();

    // ConcurrentDictionary.IsEmpty takes every lock; every dequeue in the process asks, so keep a count.
    private static int s_count;

    // Pool threads parked on work their loop has not granted yet.
    private static int s_parked;

    public static void Parking(int delta) => Interlocked.Add(ref s_parked, delta);

    /// <summary>
    /// Raise the pool's minimum thread count above what simulations hold parked plus what they still wait for, so
    /// the pool starts a thread for the awaited work at once instead of after its starvation delay. The minimum is
    /// process-wide and stays raised (threads above the old minimum retire when idle).
    /// </summary>
    public static void MakeRoom()
    {
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        var needed = Volatile.Read(ref s_parked) + Volatile.Read(ref s_count) + Environment.ProcessorCount;
        if (needed > workers)
        {
            ThreadPool.SetMinThreads(needed, completionPorts);
        }
    }

    /// <summary>True while any simulation has pool work that no pool thread has picked up.</summary>
    public static bool HasPending => Volatile.Read(ref s_count) > 0;

    // The work this pool thread is running for a simulation, from the grant until it returns to the dispatch loop.
    [ThreadStatic]
    private static PoolWork? t_running;

    /// <summary>False if another simulation's pending item has the same hash: the two could not be told apart.</summary>
    public static bool TryRegister(PoolWork work)
    {
        if (!s_pending.TryAdd(work.Hash, work))
        {
            return false;
        }

        Interlocked.Increment(ref s_count);
        return true;
    }

    public static void Forget(PoolWork work)
    {
        if (s_pending.TryRemove(new KeyValuePair<long, PoolWork>(work.Hash, work)))
        {
            Interlocked.Decrement(ref s_count);
        }
    }

    /// <summary>
    /// Pool thread, inside the runtime's ThreadPoolDequeueWork event: if the item belongs to a simulation, park until
    /// the loop grants it, then make this thread act for the loop until the item returns (see <see cref="OnLeft"/>).
    /// </summary>
    public static void OnDequeue(long hash)
    {
        if (!s_pending.TryRemove(hash, out var work))
        {
            return;
        }

        Interlocked.Decrement(ref s_count);

        if (!work.Park())
        {
            return;
        }

        t_running = work;
        work.Loop.ActOnPoolThread(work);
    }

    /// <summary>The simulation's ExecutionContext left this thread: if it was running granted work, that work is done.</summary>
    public static bool OnLeft()
    {
        if (t_running is not { } work)
        {
            return false;
        }

#pragma warning disable RS0030 // Banned Task.CurrentId: only whether a Task is executing here is read, never an id, never for a decision.
        if (Task.CurrentId is not null)
#pragma warning restore RS0030
        {
            // A Task work item (Task.Run) leaves its context before it completes and runs its continuations: put the
            // context back, so that it leaves again when the whole item has returned to the pool's dispatch loop.
            ExecutionContext.Restore(work.Context);
            return true;
        }

        t_running = null;
        work.Loop.LeavePoolThread();
        work.Finish();
        return true;
    }

    /// <summary>True on a pool thread that is running granted work: the simulation's context here is expected.</summary>
    public static bool IsGrantedThread => t_running is not null;
}
