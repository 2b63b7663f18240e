using System.Diagnostics;

namespace SimLoop.Diagnostics;

/// <summary>
/// Names the blocking API a wait notification came from, and the user code that called it, from the stack
/// captured at the violation (never on the hot path).
/// </summary>
internal static class BlockingWaits
{
    /// <summary>Waits shorter than this pass: brief contention on a lock another real thread holds (logging, Console).</summary>
    public const int GraceMilliseconds = 10;

    /// <summary>
    /// A contended lock is held by a thread that is running, so it will be released: it may take longer under load
    /// (the runtime's resource lookups, Console). Only a lock held this long counts as blocking the loop.
    /// </summary>
    public const int LockGraceMilliseconds = 2000;

    /// <summary>True when the blocking API is lock acquisition (Monitor.Enter / lock), not a wait for a signal.</summary>
    public static bool IsLockAcquisition(string api) => api.StartsWith("Monitor.Enter", StringComparison.Ordinal);

    // Internal frames the JIT leaves on the stack after inlining the public member the user called.
    private static readonly Dictionary<string, string> s_publicNames = new(StringComparer.Ordinal)
    {
        ["Task<T>.GetResultCore()"] = "Task<T>.Result",
        ["Task.InternalWait()"] = "Task.Wait()",
        ["Task.InternalWaitCore()"] = "Task.Wait()",
        ["Monitor.Enter_Slowpath()"] = "Monitor.Enter() (a contended lock)",
        ["Monitor.ReliableEnter()"] = "Monitor.Enter() (a contended lock)",
    };

    public static (string Api, string Stack) Describe(StackTrace stack)
    {
        var frames = CallerFrames.Read(stack);
        return (frames.Api is null ? "a blocking wait" : s_publicNames.GetValueOrDefault(frames.Api, frames.Api), string.Join('\n', frames.User));
    }
}
