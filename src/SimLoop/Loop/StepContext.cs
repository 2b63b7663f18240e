using System.Diagnostics;
using SimLoop.Diagnostics;

namespace SimLoop.Loop;

/// <summary>
/// The SynchronizationContext installed for exactly one step. A fresh object per step is what stops .NET from
/// running a continuation inline: the runtime inlines an awaiting continuation only when the context it captured
/// is the current one, and a continuation captured in an earlier step never sees its own object again. So
/// <c>tcs.SetResult()</c> in task C queues the waiter B as a step of its own, and a parent awaiting a child
/// resumes after the child's last step, not inside it (asyncio's call_soon semantics).
/// The object also carries the step's owner: whatever posts to it later is a continuation of that task.
/// </summary>
internal sealed class StepContext : SynchronizationContext
{
    private const int WaitTimeout = 0x102;

    public StepContext(EventLoop loop, SimTask owner)
    {
        Loop = loop;
        Owner = owner;

        // Every blocking wait on this thread (Task.Wait/.Result, Monitor.Wait, a contended lock, SemaphoreSlim.Wait,
        // WaitHandle.WaitOne) now calls Wait below first.
        SetWaitNotificationRequired();
    }

    public EventLoop Loop { get; }

    public SimTask Owner { get; }

    public override void Post(SendOrPostCallback d, object? state) => Loop.Post(Owner, d, state);

    public override void Send(SendOrPostCallback d, object? state) => Loop.Send(d, state);

    /// <summary>
    /// A blocking wait on the loop thread. One that ends within a short grace (contention on a lock a real
    /// thread holds briefly, as Console does) is allowed; one that would block longer can never end, since the
    /// only thread that could end it is this one: it fails the run with BlockingWait, naming the API and caller.
    /// </summary>
    public override int Wait(IntPtr[] waitHandles, bool waitAll, int millisecondsTimeout)
    {
        if (!Loop.IsLoopThread)
        {
            return WaitHelper(waitHandles, waitAll, millisecondsTimeout);
        }

        var result = BoundedWait(waitHandles, waitAll, millisecondsTimeout, BlockingWaits.GraceMilliseconds, out var ended);
        if (ended)
        {
            return result;
        }

        var stack = new StackTrace(1, fNeedFileInfo: true);
        if (BlockingWaits.IsLockAcquisition(BlockingWaits.Describe(stack).Api))
        {
            // Another running thread holds the lock: it will let go, only perhaps slowly on a loaded machine.
            result = BoundedWait(waitHandles, waitAll, millisecondsTimeout, BlockingWaits.LockGraceMilliseconds, out ended);
            if (ended)
            {
                return result;
            }
        }

        throw Loop.ReportBlockingWait(stack);
    }

    /// <summary>Waits at most <paramref name="grace"/>; <paramref name="ended"/> says whether the wait is over (signalled, or its own timeout hit).</summary>
    private static int BoundedWait(IntPtr[] waitHandles, bool waitAll, int millisecondsTimeout, int grace, out bool ended)
    {
        var bounded = millisecondsTimeout == Timeout.Infinite || millisecondsTimeout > grace ? grace : millisecondsTimeout;
        var result = WaitHelper(waitHandles, waitAll, bounded);
        ended = result != WaitTimeout || bounded == millisecondsTimeout;
        return result;
    }

    // Copies would defeat the per-step identity; nothing in the simulation needs a distinct copy.
    public override SynchronizationContext CreateCopy() => this;
}
