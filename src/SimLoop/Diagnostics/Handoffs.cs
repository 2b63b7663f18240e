using System.Diagnostics;

namespace SimLoop.Diagnostics;

/// <summary>
/// Names a hand-off to a real thread from the stack captured where it happened (on the loop thread, inside the
/// step): which mechanism, which API the user's code called, and what to do instead. Failure path only.
/// </summary>
internal static class Handoffs
{
    public static (string What, string Fix, string Caller) Describe(RealWork work, int dueMilliseconds, StackTrace stack)
    {
        var (called, caller, frames) = Walk(stack);
        bool Has(string part) => frames.Any(f => f.Contains(part, StringComparison.Ordinal));

        if (work == RealWork.Timer)
        {
            var due = Tracing.TimeFormat.Duration(TimeSpan.FromMilliseconds(dueMilliseconds));
            return ($"{called} started a real timer ({due} on the machine's clock)",
                "SimLoop's build-time rewriting puts such timers on virtual time in your code and its packages; this call was not rewritten " +
                "(it is in the shared framework, in a method marked [NotRewritten], or in a project built with SimLoopRewrite=false). There, use " +
                "await Sim.Delay(delay), or pass the simulation's clock where the API takes one: Task.Delay(delay, Sim.Time), " +
                "task.WaitAsync(timeout, Sim.Time), new CancellationTokenSource(delay, Sim.Time), new PeriodicTimer(period, Sim.Time), " +
                "Sim.Time.CreateTimer(...) instead of new Timer(...).",
                caller);
        }

        if (work == RealWork.Thread)
        {
            return ("Thread.Start() would start a dedicated thread, which runs beside the loop on real time (it was not started)",
                "Queue the work to the thread pool instead (Task.Run or ThreadPool.QueueUserWorkItem: SimLoop runs it as a step of the loop), " +
                "or declare its duration with await Sim.ToThread(work, cost).",
                caller);
        }

        if (Has("Channels.AsyncOperation"))
        {
            return ($"{called} completed a System.Threading.Channels operation whose waiter resumes on the thread pool " +
                    "(ChannelReader.ReadAllAsync waits with ConfigureAwait(false); AsTask() of a pending channel operation completes there too)",
                "Read with await reader.WaitToReadAsync() and reader.TryRead(out item) in your own loop, and await a channel operation's ValueTask directly " +
                "(wrap it in an async method to combine it with Task.WhenAny/WhenAll).",
                caller);
        }

        if (Has("CancellationTokenSource.CancelAsync"))
        {
            return ($"{called} runs the token's callbacks on the thread pool",
                "Call cancellationTokenSource.Cancel(): it runs the callbacks in the calling step.",
                caller);
        }

        if (Has("Tasks.Task.RunContinuations"))
        {
            // The runtime inlines the dispatch into RunContinuations, so the stack cannot tell these three apart.
            return ($"{called} completed a task, and the runtime queued one of its continuations to the thread pool: an await with ConfigureAwait(false) " +
                    "(in the code under test or in a library it calls), a Task.WhenAll, Task.WhenAny or WaitAsync over a task created with " +
                    "TaskCreationOptions.RunContinuationsAsynchronously, or a ContinueWith",
                "Await without ConfigureAwait(false) in code under test (for a library, turn on its 'continue on captured context' option); " +
                "combine a RunContinuationsAsynchronously task through an async method (static async Task OnLoop(Task t) => await t;); " +
                "await instead of ContinueWith. When the API named above belongs to the BCL or a package, that await is theirs, not yours: the limitations page linked below says what to do.",
                caller);
        }

        return ($"{called} queued work to the thread pool",
            "Replace Task.Run / Task.Factory.StartNew / ThreadPool.QueueUserWorkItem with await Sim.ToThread(work, cost) (work on a simulated worker), " +
            "or Sim.Spawn(name, body) for async work that belongs on the loop.",
            caller);
    }

    // Without user code on the stack, a timer of the loop fired; a builder's SetResult/SetException is a method returning.
    private static (string Called, string Caller, IReadOnlyList<string> Frames) Walk(StackTrace stack)
    {
        var frames = CallerFrames.Read(stack);
        var api = frames.Api;
        var called = frames.User.Count == 0 ? "a timer of the simulation, firing,"
            : api is null ? "the runtime"
            : api.StartsWith("Async", StringComparison.Ordinal) && api.Contains("MethodBuilder", StringComparison.Ordinal) ? $"returning from {frames.FirstUser}"
            : Readable(api);
        return (called, frames.User.Count == 0 ? "   (no code of yours: a timer of the simulation fired)" : string.Join('\n', frames.User), frames.All);
    }

    // Internal frames the JIT leaves after inlining the public member the user called.
    private static readonly Dictionary<string, string> s_publicNames = new(StringComparer.Ordinal)
    {
        ["SemaphoreSlim.WaitAsyncCore()"] = "SemaphoreSlim.WaitAsync()",
        ["Timer.TimerSetup()"] = "new Timer(...)",
    };

    // "CancellationTokenSource..ctor()" reads as "new CancellationTokenSource(...)".
    private static string Readable(string api) =>
        api.EndsWith("..ctor()", StringComparison.Ordinal) ? $"new {api[..^"..ctor()".Length]}(...)" : s_publicNames.GetValueOrDefault(api, api);

    /// <summary>The section of docs/limitations.md (shipped in the packages beside errors.md) that explains a hand-off.</summary>
    public static string SeeAlso(RealWork work) => work == RealWork.Timer ? Limitations.RealTimers : Limitations.PoolWork;

    private static class Limitations
    {
        public const string PoolWork =
            "What the thread pool runs and how SimLoop keeps it on the loop: docs/limitations.md#work-queued-to-the-thread-pool-runs-on-the-loops-schedule.";

        public const string RealTimers =
            "Where rewriting does not reach: docs/limitations.md#real-timers-where-rewriting-does-not-reach-fail-the-run-at-the-step-that-arms-them.";
    }
}
