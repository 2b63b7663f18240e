using System.Reflection;
using System.Runtime.CompilerServices;

namespace SimLoop.Diagnostics;

/// <summary>
/// Reads what a suspended async method is waiting for, the way a debugger's async call stack does: an async
/// method's task is its state-machine box; the box's awaiter field holds the awaited task; repeat. Used only on
/// failure paths (deadlock reports), never per step; if a runtime changes these internals the walk ends early
/// and the report says less, it never throws.
/// </summary>
internal static class AsyncStackWalker
{
    /// <summary>How a leaf awaiting a real timer starts; the deadlock check recognises it by this text.</summary>
    public const string RealTimer = "a real timer";

    /// <summary>How a leaf that only a real thread can end starts (the deadlock check reports an escape instead).</summary>
    public const string OnRealThread = "on a real thread: ";

    private const int MaxDepth = 24;

    /// <summary>The async methods from outermost to innermost, then what the innermost one waits on.</summary>
    public static IReadOnlyList<string> Walk(Task? task)
    {
        var frames = new List<string>();
        object? current = task;
        for (var depth = 0; depth < MaxDepth && current is not null; depth++)
        {
            var stateMachine = StateMachineOf(current);
            if (stateMachine is null)
            {
                frames.Add(AwaitedLeaf.Describe(current));
                break;
            }

            frames.Add(MethodName(stateMachine.GetType()));
            current = AwaitedBy(stateMachine);
        }

        return frames;
    }

    /// <summary>The method a continuation delegate or work item will resume, for reports about stray callbacks.</summary>
    public static string DescribeCallback(Delegate callback, object? state)
    {
        if (state is Delegate inner)
        {
            return DescribeDelegate(inner);
        }

        if (state is not null)
        {
            // SynchronizationContextAwaitTaskContinuation and friends keep the resumed delegate in m_action.
            var action = FindField(state.GetType(), "m_action")?.GetValue(state) as Delegate;
            if (action is not null)
            {
                return DescribeDelegate(action);
            }

            var stateMachine = StateMachineOf(state);
            if (stateMachine is not null)
            {
                return MethodName(stateMachine.GetType());
            }
        }

        return DescribeDelegate(callback);
    }

    internal static string DescribeDelegate(Delegate callback)
    {
        var stateMachine = callback.Target is null ? null : StateMachineOf(callback.Target);
        return stateMachine is not null
            ? MethodName(stateMachine.GetType())
            : $"{TypeName(callback.Method.DeclaringType)}.{callback.Method.Name}";
    }

    private static object? StateMachineOf(object box) =>
        box is IAsyncStateMachine machine ? machine : FindField(box.GetType(), "StateMachine")?.GetValue(box);

    /// <summary>The task (or value-task source) the state machine's active awaiter holds.</summary>
    private static object? AwaitedBy(object stateMachine)
    {
        foreach (var field in stateMachine.GetType().GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public))
        {
            if (!field.Name.StartsWith("<>u__", StringComparison.Ordinal))
            {
                continue;
            }

            var awaiter = field.GetValue(stateMachine);
            if (awaiter is null)
            {
                continue;
            }

            var awaited = AwaitedByAwaiter(awaiter);
            if (awaited is not null)
            {
                return awaited;
            }
        }

        return null;
    }

    private static object? AwaitedByAwaiter(object awaiter)
    {
        var type = awaiter.GetType();
        if ((FindField(type, "m_task") ?? FindField(type, "_task"))?.GetValue(awaiter) is Task task)
        {
            // TaskAwaiter and ConfiguredTaskAwaiter keep m_task; the runtime's ConfiguredNoThrowAwaiter keeps _task.
            return task;
        }

        // ValueTaskAwaiter / ConfiguredValueTaskAwaiter hold a ValueTask whose _obj is a Task or an IValueTaskSource.
        var valueTask = FindField(type, "_value")?.GetValue(awaiter);
        return valueTask is null ? null : FindField(valueTask.GetType(), "_obj")?.GetValue(valueTask);
    }

    /// <summary>"Shop.Checkout" from the compiler's state machine type Shop+&lt;Checkout&gt;d__3 (lambdas and local functions too).</summary>
    internal static string MethodName(Type stateMachine)
    {
        var raw = stateMachine.Name;
        var owner = stateMachine.DeclaringType;
        while (owner is not null && owner.Name.StartsWith("<>c", StringComparison.Ordinal))
        {
            owner = owner.DeclaringType;
        }

        string method;
        if (raw.StartsWith("<<", StringComparison.Ordinal))
        {
            method = raw[2..raw.IndexOf('>', StringComparison.Ordinal)] + " (lambda)";
        }
        else if (raw.Contains(">g__", StringComparison.Ordinal))
        {
            var start = raw.IndexOf(">g__", StringComparison.Ordinal) + 4;
            var end = raw.IndexOf('|', start);
            method = raw[start..(end < 0 ? raw.Length : end)];
        }
        else if (raw.StartsWith('<'))
        {
            method = raw[1..raw.IndexOf('>', StringComparison.Ordinal)];
        }
        else
        {
            method = raw;
        }

        return owner is null ? method : $"{TypeName(owner)}.{method}";
    }

    internal static string TypeName(Type? type)
    {
        if (type is null)
        {
            return "?";
        }

        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? name : name[..tick];
    }

    internal static FieldInfo? FindField(Type? type, string name)
    {
        for (; type is not null; type = type.BaseType)
        {
            var field = type.GetField(name, BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public);
            if (field is not null)
            {
                return field;
            }
        }

        return null;
    }
}
