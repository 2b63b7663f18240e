using System.ComponentModel;
using SimLoop.Diagnostics;

#pragma warning disable RS0030 // Outside a simulation each helper makes the original call: that is its contract.
#pragma warning disable CA1068 // The helpers mirror TaskFactory.StartNew's parameter order: a rewritten call site leaves its arguments on the stack as they are.

namespace SimLoop.Interception;

/// <summary>
/// What starting a dedicated thread becomes in rewritten assemblies. A <see cref="Thread"/> started inside a
/// simulation would run beside the loop on real time, so the run fails at the step that starts it, and the thread is
/// not started. A task created with <see cref="TaskCreationOptions.LongRunning"/> (a dedicated thread too) is queued
/// to the thread pool instead, where SimLoop runs it as a step. Anywhere else, the original calls. Not meant to be
/// called directly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Threads
{
    /// <summary>Replaces <see cref="Thread.Start()"/>.</summary>
    public static void Start(Thread thread)
    {
        ArgumentNullException.ThrowIfNull(thread);
        if (EventLoop.CurrentOrNull is { } loop)
        {
            loop.ReportHandoff(RealWork.Thread, dueMilliseconds: 0);
            return;
        }

        thread.Start();
    }

    /// <summary>Replaces <see cref="Thread.Start(object)"/>.</summary>
    public static void Start(Thread thread, object? parameter)
    {
        ArgumentNullException.ThrowIfNull(thread);
        if (EventLoop.CurrentOrNull is { } loop)
        {
            loop.ReportHandoff(RealWork.Thread, dueMilliseconds: 0);
            return;
        }

        thread.Start(parameter);
    }

    /// <summary>Replaces <see cref="TaskFactory.StartNew(Action, TaskCreationOptions)"/>.</summary>
    public static Task StartTask(TaskFactory factory, Action action, TaskCreationOptions options) =>
        factory.StartNew(action, Pooled(options));

    /// <summary>Replaces <see cref="TaskFactory.StartNew(Action, CancellationToken, TaskCreationOptions, TaskScheduler)"/>.</summary>
    public static Task StartTask(TaskFactory factory, Action action, CancellationToken cancellationToken, TaskCreationOptions options, TaskScheduler scheduler) =>
        factory.StartNew(action, cancellationToken, Pooled(options), scheduler);

    /// <summary>Replaces <see cref="TaskFactory.StartNew(Action{object}, object, TaskCreationOptions)"/>.</summary>
    public static Task StartTask(TaskFactory factory, Action<object?> action, object? state, TaskCreationOptions options) =>
        factory.StartNew(action, state, Pooled(options));

    /// <summary>Replaces <see cref="TaskFactory.StartNew{TResult}(Func{TResult}, TaskCreationOptions)"/>.</summary>
    public static Task<TResult> StartTask<TResult>(TaskFactory factory, Func<TResult> function, TaskCreationOptions options) =>
        factory.StartNew(function, Pooled(options));

    /// <summary>Replaces <see cref="TaskFactory.StartNew{TResult}(Func{TResult}, CancellationToken, TaskCreationOptions, TaskScheduler)"/>.</summary>
    public static Task<TResult> StartTask<TResult>(TaskFactory factory, Func<TResult> function, CancellationToken cancellationToken, TaskCreationOptions options, TaskScheduler scheduler) =>
        factory.StartNew(function, cancellationToken, Pooled(options), scheduler);

    // Inside a simulation a long-running task goes to the pool, which the loop controls; a dedicated thread it cannot.
    private static TaskCreationOptions Pooled(TaskCreationOptions options) =>
        EventLoop.CurrentOrNull is not null ? options & ~TaskCreationOptions.LongRunning : options;
}
