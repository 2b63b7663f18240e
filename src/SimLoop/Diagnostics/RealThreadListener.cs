using System.Diagnostics.Tracing;
using SimLoop.Threads;

namespace SimLoop.Diagnostics;

/// <summary>
/// Sees, on the loop's own thread and at the moment it happens, every hand-off of work to a real thread: the
/// runtime's FrameworkEventSource raises ThreadPoolEnqueueWork inside every thread-pool enqueue and
/// ThreadTransferSend (kind 1) inside every arming of a real timer, synchronously on the thread that does it. A
/// step of the simulation that queues pool work (Task.Run, QueueUserWorkItem, a ConfigureAwait(false)
/// continuation, the completion of a task that runs continuations asynchronously) or arms a real timer (Task.Delay
/// without Sim.Time, new Timer, WaitAsync with a real timeout) is therefore known at that step, before any real
/// thread has run: the verdict cannot depend on timing. One listener serves the process; outside a simulation it
/// does nothing but one thread-static read per event.
/// </summary>
internal sealed class RealThreadListener : EventListener
{
    private const string FrameworkEventSource = "System.Diagnostics.Eventing.FrameworkEventSource";
    private const EventKeywords ThreadPoolKeyword = (EventKeywords)0x2;
    private const EventKeywords ThreadTransferKeyword = (EventKeywords)0x10;
    private const int ThreadPoolEnqueueWork = 30;
    private const int ThreadPoolDequeueWork = 31;
    private const int ThreadTransferSend = 150;
    private const int ManagedTimerTransfer = 1;

    private static readonly Lock s_lock = new();
    private static RealThreadListener? s_listener;

    // Set while EnsureListening proves the listener live on this thread; never during a simulation.
    [ThreadStatic]
    private static bool t_probing;

    [ThreadStatic]
    private static bool t_probeSeen;

    /// <summary>Starts the process's listener once and proves that the thread pool reports enqueues to it.</summary>
    public static void EnsureListening()
    {
        if (Volatile.Read(ref s_listener) is not null)
        {
            return;
        }

        lock (s_lock)
        {
            if (s_listener is null)
            {
                var listener = new RealThreadListener();
                ProveLive();
                Volatile.Write(ref s_listener, listener);
            }
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == FrameworkEventSource)
        {
            EnableEvents(eventSource, EventLevel.Verbose, ThreadPoolKeyword | ThreadTransferKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (t_probing)
        {
            t_probeSeen |= eventData.EventId == ThreadPoolEnqueueWork;
            return;
        }

        if (eventData.EventId == ThreadPoolDequeueWork)
        {
            if (PoolWorkRegistry.HasPending && eventData.Payload is [long dequeued, ..])
            {
                PoolWorkRegistry.OnDequeue(dequeued);
            }

            return;
        }

        if (EventLoop.CurrentOrNull is not { } loop)
        {
            return;
        }

        if (eventData.EventId == ThreadPoolEnqueueWork && eventData.Payload is [long hash, ..])
        {
            loop.OnThreadPoolWork(hash);
        }
        else if (eventData.EventId == ThreadTransferSend && eventData.Payload is [_, int kind, _, _, int due, ..] && kind == ManagedTimerTransfer)
        {
            loop.ReportHandoff(RealWork.Timer, due);
        }
    }

    /// <summary>
    /// The thread pool caches "is anyone listening" and refreshes it only when a pool thread enters its dispatch loop,
    /// so a listener that was just enabled may not hear the next enqueue. Queue no-op work until an enqueue from this
    /// thread is heard: from then on every enqueue is. Runs once per process, before any simulation.
    /// </summary>
    private static void ProveLive()
    {
        using var done = new ManualResetEventSlim();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            t_probing = true;
            t_probeSeen = false;
            try
            {
                done.Reset();
#pragma warning disable RS0030 // Banned: this no-op refreshes the pool's logging flag; it runs once per process, outside any simulation.
                ThreadPool.UnsafeQueueUserWorkItem(static state => ((ManualResetEventSlim)state!).Set(), done);
#pragma warning restore RS0030
            }
            finally
            {
                t_probing = false;
            }

            if (t_probeSeen)
            {
                return;
            }

            // Bounded: if the pool never runs the no-op, the next attempt queues another.
            done.Wait(TimeSpan.FromMilliseconds(100));
        }

        throw new InvalidOperationException(
            "SimLoop could not start its detection of work handed to real threads: the runtime's FrameworkEventSource did not report thread-pool " +
            "enqueues to an in-process EventListener after 100 attempts. Without it a simulation could pass by a real thread's luck, so SimLoop " +
            "refuses to run. Check that EventSource support is not disabled (System.Diagnostics.Tracing.EventSource.IsSupported=false, " +
            "<EventSourceSupport>false</EventSourceSupport> in the project), or set SimOptions.DetectEscapes = false to run without detection.");
    }
}

/// <summary>What a simulation handed to a real thread.</summary>
internal enum RealWork
{
    /// <summary>A work item queued to the thread pool.</summary>
    ThreadPool,

    /// <summary>A real timer armed (System.Threading.Timer, and everything built on it).</summary>
    Timer,

    /// <summary>A dedicated thread started (seen by rewritten call sites of Thread.Start).</summary>
    Thread,
}
