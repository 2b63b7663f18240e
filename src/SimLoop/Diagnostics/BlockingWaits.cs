using System.Diagnostics;
using System.Runtime.CompilerServices;

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
        string? api = null;
        var user = new List<string>();
        foreach (var frame in stack.GetFrames())
        {
            var method = frame.GetMethod();
            var type = method?.DeclaringType;
            if (method is null || type is null)
            {
                continue;
            }

            if (user.Count > 0 && IsSimLoop(type))
            {
                // Below the step's own frames is the loop, and below it whoever called Sim.Run: not part of the story.
                break;
            }

            if (IsRuntime(type))
            {
                // The outermost runtime frame before user code is the API the user called.
                if (user.Count == 0 && !IsSimLoop(type))
                {
                    api = ApiName(type, method.Name);
                }

                continue;
            }

            if (user.Count < 8)
            {
                user.Add(FrameText(frame, type, method.Name));
            }
        }

        return (api is null ? "a blocking wait" : s_publicNames.GetValueOrDefault(api, api), string.Join('\n', user));
    }

    // The engine's own frames, by assembly: a user's namespace may well start with "SimLoop" too.
    internal static bool IsSimLoop(Type type) =>
        type.Assembly == typeof(BlockingWaits).Assembly || type.Assembly.GetName().Name == "SimLoop.NUnit";

    internal static bool IsRuntime(Type type) =>
        IsSimLoop(type) || (type.Namespace ?? "").StartsWith("System", StringComparison.Ordinal) || (type.Namespace ?? "").StartsWith("Microsoft", StringComparison.Ordinal);

    internal static string ApiName(Type type, string method)
    {
        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        if (tick >= 0)
        {
            name = name[..tick] + "<T>";
        }

        return method.StartsWith("get_", StringComparison.Ordinal) ? $"{name}.{method[4..]}" : $"{name}.{method}()";
    }

    internal static string FrameText(StackFrame frame, Type type, string method)
    {
        var name = method == "MoveNext" && typeof(IAsyncStateMachine).IsAssignableFrom(type)
            ? AsyncStackWalker.MethodName(type)
            : $"{type.FullName}.{method}";
        var file = frame.GetFileName();
        var location = file is null ? "" : $" in {Path.GetFileName(file)}:line {frame.GetFileLineNumber()}";
        return $"   at {name}{location}";
    }
}
