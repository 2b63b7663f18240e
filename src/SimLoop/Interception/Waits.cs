using System.ComponentModel;
using SimLoop.Diagnostics;

#pragma warning disable RS0030 // Outside a simulation each helper makes the original call: that is its contract.

namespace SimLoop.Interception;

/// <summary>
/// What waits on the machine's clock become in rewritten assemblies: inside a simulation, the same wait on
/// <see cref="Sim.Time"/> (Task.Delay, WaitAsync, CancellationTokenSource, PeriodicTimer) or a blocking section of
/// virtual time (Thread.Sleep, as <see cref="Sim.Block"/>); anywhere else, exactly the original call. Not meant to be
/// called directly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Waits
{
    /// <summary>Replaces <see cref="Task.Delay(TimeSpan)"/>.</summary>
    public static Task Delay(TimeSpan delay) => EventLoop.CurrentOrNull is { } loop ? Task.Delay(delay, loop.Time) : Task.Delay(delay);

    /// <summary>Replaces <see cref="Task.Delay(TimeSpan, CancellationToken)"/>.</summary>
    public static Task Delay(TimeSpan delay, CancellationToken cancellationToken) =>
        EventLoop.CurrentOrNull is { } loop ? Task.Delay(delay, loop.Time, cancellationToken) : Task.Delay(delay, cancellationToken);

    /// <summary>Replaces <see cref="Task.Delay(int)"/>.</summary>
    public static Task Delay(int millisecondsDelay) =>
        EventLoop.CurrentOrNull is { } loop ? Task.Delay(Milliseconds(millisecondsDelay), loop.Time) : Task.Delay(millisecondsDelay);

    /// <summary>Replaces <see cref="Task.Delay(int, CancellationToken)"/>.</summary>
    public static Task Delay(int millisecondsDelay, CancellationToken cancellationToken) =>
        EventLoop.CurrentOrNull is { } loop
            ? Task.Delay(Milliseconds(millisecondsDelay), loop.Time, cancellationToken)
            : Task.Delay(millisecondsDelay, cancellationToken);

    /// <summary>Replaces <see cref="Task.WaitAsync(TimeSpan)"/>.</summary>
    public static Task WaitAsync(Task task, TimeSpan timeout) =>
        EventLoop.CurrentOrNull is { } loop ? task.WaitAsync(timeout, loop.Time) : task.WaitAsync(timeout);

    /// <summary>Replaces <see cref="Task.WaitAsync(TimeSpan, CancellationToken)"/>.</summary>
    public static Task WaitAsync(Task task, TimeSpan timeout, CancellationToken cancellationToken) =>
        EventLoop.CurrentOrNull is { } loop ? task.WaitAsync(timeout, loop.Time, cancellationToken) : task.WaitAsync(timeout, cancellationToken);

    /// <summary>Replaces <see cref="Task{TResult}.WaitAsync(TimeSpan)"/>.</summary>
    public static Task<TResult> WaitAsync<TResult>(Task<TResult> task, TimeSpan timeout) =>
        EventLoop.CurrentOrNull is { } loop ? task.WaitAsync(timeout, loop.Time) : task.WaitAsync(timeout);

    /// <summary>Replaces <see cref="Task{TResult}.WaitAsync(TimeSpan, CancellationToken)"/>.</summary>
    public static Task<TResult> WaitAsync<TResult>(Task<TResult> task, TimeSpan timeout, CancellationToken cancellationToken) =>
        EventLoop.CurrentOrNull is { } loop ? task.WaitAsync(timeout, loop.Time, cancellationToken) : task.WaitAsync(timeout, cancellationToken);

    /// <summary>Replaces <c>new CancellationTokenSource(TimeSpan)</c>.</summary>
    public static CancellationTokenSource NewCancellationTokenSource(TimeSpan delay) =>
        EventLoop.CurrentOrNull is { } loop ? new CancellationTokenSource(delay, loop.Time) : new CancellationTokenSource(delay);

    /// <summary>Replaces <c>new CancellationTokenSource(int)</c>.</summary>
    public static CancellationTokenSource NewCancellationTokenSource(int millisecondsDelay) =>
        EventLoop.CurrentOrNull is { } loop ? new CancellationTokenSource(Milliseconds(millisecondsDelay), loop.Time) : new CancellationTokenSource(millisecondsDelay);

    /// <summary>
    /// Replaces <see cref="CancellationTokenSource.CancelAfter(TimeSpan)"/>: inside a simulation the source is cancelled
    /// by a timer of <see cref="Sim.Time"/> (a later call moves it, as the original does).
    /// </summary>
    public static void CancelAfter(CancellationTokenSource source, TimeSpan delay)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (EventLoop.CurrentOrNull is not { } loop)
        {
            source.CancelAfter(delay);
            return;
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(delay, Timeout.InfiniteTimeSpan);

        // A source can outlive its simulation (libraries pool them): its timer belongs to the loop that runs now.
        if (!s_cancelTimers.TryGetValue(source, out var entry) || entry.Loop != loop)
        {
            entry = new CancelTimer(loop, loop.Time.CreateTimer(static state => ((CancellationTokenSource)state!).Cancel(), source, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
            s_cancelTimers.AddOrUpdate(source, entry);
        }

        entry.Timer.Change(delay, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Replaces <see cref="CancellationTokenSource.CancelAfter(int)"/>.</summary>
    public static void CancelAfter(CancellationTokenSource source, int millisecondsDelay) => CancelAfter(source, Milliseconds(millisecondsDelay));

    // The virtual timer behind each source a simulation called CancelAfter on.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<CancellationTokenSource, CancelTimer> s_cancelTimers = [];

    private sealed record CancelTimer(EventLoop Loop, ITimer Timer);

    /// <summary>Replaces <c>new PeriodicTimer(TimeSpan)</c>.</summary>
    public static PeriodicTimer NewPeriodicTimer(TimeSpan period) =>
        EventLoop.CurrentOrNull is { } loop ? new PeriodicTimer(period, loop.Time) : new PeriodicTimer(period);

    /// <summary>Replaces <see cref="Thread.Sleep(int)"/>: inside a simulation, a blocking section of virtual time.</summary>
    public static void Sleep(int millisecondsTimeout)
    {
        if (EventLoop.CurrentOrNull is { } loop && millisecondsTimeout != Timeout.Infinite)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(millisecondsTimeout);
            SleepOnVirtualTime(loop, TimeSpan.FromMilliseconds(millisecondsTimeout));
            return;
        }

        Thread.Sleep(millisecondsTimeout);
    }

    /// <summary>Replaces <see cref="Thread.Sleep(TimeSpan)"/>: inside a simulation, a blocking section of virtual time.</summary>
    public static void Sleep(TimeSpan timeout)
    {
        if (EventLoop.CurrentOrNull is { } loop && timeout != Timeout.InfiniteTimeSpan)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(timeout, TimeSpan.Zero);
            SleepOnVirtualTime(loop, timeout);
            return;
        }

        Thread.Sleep(timeout);
    }

    // In a step: a blocking section of virtual time. Inside Sim.ToThread work: nothing, since the work's duration is
    // the cost it was given (a sleep there is how people write "this takes a while").
    private static void SleepOnVirtualTime(EventLoop loop, TimeSpan duration)
    {
        if (!loop.InWorkerWork)
        {
            loop.Hold(duration, "Thread.Sleep", SectionKind.Block);
        }
    }

    // Timeout.Infinite stays infinite; the TimeProvider overloads take a TimeSpan. Shared by the other helpers.
    internal static TimeSpan Milliseconds(long milliseconds) =>
        milliseconds == Timeout.Infinite ? Timeout.InfiniteTimeSpan : TimeSpan.FromMilliseconds(milliseconds);
}
