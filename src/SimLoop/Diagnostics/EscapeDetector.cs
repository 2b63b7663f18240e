using System.Diagnostics;
using System.Reflection;
using SimLoop.Threads;

namespace SimLoop.Diagnostics;

/// <summary>
/// Notices simulation code running on a real thread. While a loop runs, its ExecutionContext carries an
/// AsyncLocal pointing at the loop; every way of leaving the loop (Task.Run, a ConfigureAwait(false)
/// continuation, ThreadPool.QueueUserWorkItem, a real Timer, CancellationTokenSource.CancelAsync) flows that
/// context to the thread that runs the work, and the runtime calls our change handler there, before the work
/// starts. The handler names the mechanism from the dispatching frames and reports to the loop.
/// Blind spots: code that suppresses ExecutionContext flow (UnsafeQueueUserWorkItem, ExecutionContext.SuppressFlow),
/// and work that starts only after the run has ended.
/// </summary>
internal static class EscapeDetector
{
    private static readonly AsyncLocal<EventLoop?> s_loop = new(OnChanged);

    // Task.t_currentTask is the task a pool thread is executing; read only on this failure path, never per step.
    private static readonly FieldInfo? s_currentTask = typeof(Task).GetField("t_currentTask", BindingFlags.NonPublic | BindingFlags.Static);

    public static void Enter(EventLoop loop) => s_loop.Value = loop;

    public static void Exit() => s_loop.Value = null;

    private static void OnChanged(AsyncLocalValueChangedArgs<EventLoop?> args)
    {
        if (args.ThreadContextChanged && args.CurrentValue is null && args.PreviousValue is not null && PoolWorkRegistry.OnLeft())
        {
            // Pool work run under the loop's control has returned to the pool's dispatch loop.
            return;
        }

        if (args.ThreadContextChanged && args.CurrentValue is { } loop && !loop.IsLoopThread)
        {
            loop.NoteEscapeStarted();
            loop.ReportEscape(Describe(new StackTrace(2, fNeedFileInfo: false)));
        }
    }

    /// <summary>Which API sent the work to this thread, judged by the frames that dispatch it.</summary>
    internal static string Describe(StackTrace stack)
    {
        var frames = stack.GetFrames().Select(f => f.GetMethod()).Where(m => m is not null).Select(m => $"{m!.DeclaringType?.Name}.{m.Name}").ToList();
        bool Has(string part) => frames.Any(f => f.Contains(part, StringComparison.Ordinal));

        if (Has("TimerQueueTimer"))
        {
            return "a real timer fired on a thread-pool thread (System.Threading.Timer, or Task.Delay / CancellationTokenSource / PeriodicTimer without Sim.Time)";
        }

        if (Has("AsyncStateMachineBox") || Has("AwaitTaskContinuation"))
        {
            return "an await continuation ran on the thread pool instead of the loop: the awaited operation completed with ConfigureAwait(false) in effect " +
                   "(in the code under test or inside a library it calls)";
        }

        if (Has("QueueUserWorkItemCallback"))
        {
            return "work queued with ThreadPool.QueueUserWorkItem ran on a thread-pool thread";
        }

        if (Has("Task.ExecuteWithThreadLocal") || Has("Task.ExecuteEntry"))
        {
            var work = s_currentTask?.GetValue(null) is Task task ? WorkOf(task) : null;
            return "a Task ran on the thread pool (Task.Run, Task.Factory.StartNew, ContinueWith without ExecuteSynchronously, or CancellationTokenSource.CancelAsync)"
                + (work is null ? "" : $"; its work is {work}");
        }

        return "code of the simulation ran on a thread the loop does not control (a new Thread, or a library's own thread)";
    }

    private static string? WorkOf(Task task) =>
        typeof(Task).GetField("m_action", BindingFlags.NonPublic | BindingFlags.Instance)?.GetValue(task) is Delegate work
            ? AsyncStackWalker.DescribeCallback(work, null)
            : null;
}
