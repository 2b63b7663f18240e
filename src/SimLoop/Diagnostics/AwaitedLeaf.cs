using System.Reflection;
using System.Threading.Tasks.Sources;

namespace SimLoop.Diagnostics;

/// <summary>
/// Says what the innermost awaited thing of a stuck task is, and whether it is really stuck. Some leaves only
/// look stuck: a finished task whose continuation went to the thread pool, a combinator (WhenAll, WhenAny, a
/// ValueTask's AsTask) whose inputs are done but whose completion runs on a pool thread, work running on the
/// pool, a real timer. Those are escapes, reported as such whatever the pool thread's timing. Reflection on
/// runtime internals, on the deadlock path only; unknown shapes fall back to the type's name.
/// </summary>
internal static class AwaitedLeaf
{
    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;
    private static readonly string[] s_realTimerTypes = ["TimerQueueTimer", "SystemTimeProviderTimer", "TimerHolder"];

    private const string InFlight = "a task that a thread-pool thread runs or resumes (Task.Run, Task.Factory.StartNew, ContinueWith, " +
        "ConfigureAwait(false), or RunContinuationsAsynchronously with Task.WhenAll/WhenAny/AsTask)";

    public static string Describe(object awaited)
    {
        try
        {
            return DescribeKnown(awaited);
        }
        catch (Exception exception) when (exception is TargetInvocationException or InvalidOperationException or NotSupportedException or ArgumentException)
        {
            // A runtime whose internals differ from what this reads: say less, never fail the report.
            return TypeNameOf(awaited.GetType());
        }
    }

    private static string DescribeKnown(object awaited)
    {
        var type = awaited.GetType();
        var name = type.FullName ?? type.Name;

        // One text for "finished but its continuation went to the pool" and "still running on the pool": which of
        // the two is seen depends only on how far the real thread has got.
        if (awaited is Task { IsCompleted: true } or Task { Status: TaskStatus.WaitingToRun or TaskStatus.Running } || InputsAreDone(awaited, name))
        {
            return AsyncStackWalker.OnRealThread + InFlight;
        }

        if (name.Contains("DelayPromise", StringComparison.Ordinal) || name.Contains("CancellationPromise", StringComparison.Ordinal))
        {
            return TimerOf(awaited) switch
            {
                null when name.Contains("DelayPromise", StringComparison.Ordinal) => "Task.Delay(Timeout.Infinite): it never ends by itself",
                { } timer when IsRealTimer(timer) => AsyncStackWalker.RealTimer + $" ({(name.Contains("DelayPromise", StringComparison.Ordinal) ? "Task.Delay" : "Task.WaitAsync")} given no TimeProvider: the simulation cannot fire it)",
                _ => TypeNameOf(type),
            };
        }

        if (name.Contains("SemaphoreSlim", StringComparison.Ordinal))
        {
            return "SemaphoreSlim.WaitAsync (nobody releases the semaphore)";
        }

        if (name.Contains("Channels", StringComparison.Ordinal))
        {
            return "a channel operation (nobody writes, reads or completes the channel)";
        }

        if (name.Contains("WhenAll", StringComparison.Ordinal))
        {
            return "Task.WhenAll (some of its tasks never finish)";
        }

        if (name.Contains("WhenAny", StringComparison.Ordinal))
        {
            return "Task.WhenAny (none of its tasks finishes)";
        }

        // A plain Task or Task<T> (not a subclass) is what TaskCompletionSource hands out.
        return type == typeof(Task) || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Task<>))
            ? "a task nobody completes (a TaskCompletionSource never set?)"
            : TypeNameOf(type);
    }

    /// <summary>A combinator that has not completed although its inputs say it should have: its completion is on a pool thread.</summary>
    private static bool InputsAreDone(object awaited, string name)
    {
        if (awaited is not Task { IsCompleted: false })
        {
            return false;
        }

        if (name.Contains("ValueTaskSourceAsTask", StringComparison.Ordinal))
        {
            return SourceIsDone(awaited);
        }

        // Task.WaitAsync's promise: the task it waits for is done, yet the promise is not.
        if (name.Contains("CancellationPromise", StringComparison.Ordinal))
        {
            return AsyncStackWalker.FindField(awaited.GetType(), "_task")?.GetValue(awaited) is Task { IsCompleted: true };
        }

        var inputs = TasksIn(awaited).ToList();
        if (inputs.Count == 0)
        {
            return false;
        }

        // WhenAny of three or more tasks is TaskFactory's CompleteOnInvokePromise.
        return name.Contains("WhenAny", StringComparison.Ordinal) || name.Contains("CompleteOnInvoke", StringComparison.Ordinal)
            ? inputs.Any(t => t.IsCompleted)
            : name.Contains("WhenAll", StringComparison.Ordinal) && inputs.All(t => t.IsCompleted);
    }

    private static bool SourceIsDone(object asTask)
    {
        var source = AsyncStackWalker.FindField(asTask.GetType(), "_source")?.GetValue(asTask);
        var token = AsyncStackWalker.FindField(asTask.GetType(), "_token")?.GetValue(asTask);
        if (source is null || token is not short version)
        {
            return false;
        }

        try
        {
            var status = source switch
            {
                IValueTaskSource plain => plain.GetStatus(version),
                _ => source.GetType().GetInterfaces()
                    .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValueTaskSource<>))
                    ?.GetMethod(nameof(IValueTaskSource.GetStatus))?.Invoke(source, [version]) as ValueTaskSourceStatus?,
            };
            return status is not null and not ValueTaskSourceStatus.Pending;
        }
        catch (Exception exception) when (exception is InvalidOperationException or TargetInvocationException)
        {
            // The source no longer accepts this token: its result was already taken, by a pool thread.
            return true;
        }
    }

    /// <summary>The tasks a combinator waits on: Task fields and Task arrays or lists.</summary>
    private static IEnumerable<Task> TasksIn(object combinator)
    {
        for (var type = combinator.GetType(); type is not null && type != typeof(Task); type = type.BaseType)
        {
            foreach (var field in type.GetFields(Instance | BindingFlags.DeclaredOnly))
            {
                switch (field.GetValue(combinator))
                {
                    case Task task:
                        yield return task;
                        break;
                    case IEnumerable<Task> tasks:
                        foreach (var task in tasks)
                        {
                            yield return task;
                        }

                        break;
                }
            }
        }
    }

    private static object? TimerOf(object promise)
    {
        for (var type = promise.GetType(); type is not null && type != typeof(Task); type = type.BaseType)
        {
            foreach (var field in type.GetFields(Instance | BindingFlags.DeclaredOnly))
            {
                if (field.Name.Contains("timer", StringComparison.OrdinalIgnoreCase))
                {
                    return field.GetValue(promise);
                }
            }
        }

        return null;
    }

    private static bool IsRealTimer(object timer) =>
        s_realTimerTypes.Any(real => timer.GetType().Name.Contains(real, StringComparison.Ordinal)) || timer is Timer;

    private static string TypeNameOf(Type type) => AsyncStackWalker.TypeName(type);
}
