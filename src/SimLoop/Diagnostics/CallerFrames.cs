using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace SimLoop.Diagnostics;

/// <summary>
/// The frames of the code whose call the loop reports (a blocking wait, a hand-off to a real thread), read from the
/// stack captured at the violation, never on the hot path: the window between SimLoop's own frames on top (the
/// detector) and below (the loop running the step). Api is the outermost runtime frame under the first user frame,
/// the member the user's code called; User holds up to eight user frames as printed; All every frame of the window.
/// </summary>
internal sealed record CallerFrames(string? Api, string? FirstUser, IReadOnlyList<string> User, IReadOnlyList<string> All)
{
    public static CallerFrames Read(StackTrace stack)
    {
        string? api = null;
        string? firstUser = null;
        var user = new List<string>();
        var all = new List<string>();
        var started = false;
        foreach (var frame in stack.GetFrames())
        {
            var method = frame.GetMethod();
            var type = method?.DeclaringType;
            if (method is null || type is null)
            {
                continue;
            }

            if (IsSimLoop(type))
            {
                // Below the step's own frames is the loop, and below it whoever called Sim.Run: not part of the story.
                if (started)
                {
                    break;
                }

                continue;
            }

            started = true;
            all.Add($"{type.FullName}.{method.Name}");
            if (IsRuntime(type))
            {
                if (user.Count == 0)
                {
                    api = ApiName(type, method.Name);
                }

                continue;
            }

            if (user.Count == 0)
            {
                firstUser = IsStateMachine(type, method.Name) ? AsyncStackWalker.MethodName(type) : $"{type.Name}.{method.Name}";
            }

            if (user.Count < 8)
            {
                user.Add(FrameText(frame, type, method.Name));
            }
        }

        return new CallerFrames(api, firstUser, user, all);
    }

    // The engine's own frames, by assembly: a user's namespace may well start with "SimLoop" too.
    private static bool IsSimLoop(Type type) =>
        type.Assembly == typeof(CallerFrames).Assembly || type.Assembly.GetName().Name == "SimLoop.NUnit";

    private static bool IsRuntime(Type type) =>
        (type.Namespace ?? "").StartsWith("System", StringComparison.Ordinal) || (type.Namespace ?? "").StartsWith("Microsoft", StringComparison.Ordinal);

    private static bool IsStateMachine(Type type, string method) => method == "MoveNext" && typeof(IAsyncStateMachine).IsAssignableFrom(type);

    private static string ApiName(Type type, string method)
    {
        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        if (tick >= 0)
        {
            name = name[..tick] + "<T>";
        }

        return method.StartsWith("get_", StringComparison.Ordinal) ? $"{name}.{method[4..]}" : $"{name}.{method}()";
    }

    private static string FrameText(StackFrame frame, Type type, string method)
    {
        var name = IsStateMachine(type, method) ? AsyncStackWalker.MethodName(type) : $"{type.FullName}.{method}";
        var file = frame.GetFileName();
        var location = file is null ? "" : $" in {Path.GetFileName(file)}:line {frame.GetFileLineNumber()}";
        return $"   at {name}{location}";
    }
}
