using System.ComponentModel;
using System.Runtime.CompilerServices;

#pragma warning disable RS0030 // Outside a simulation each helper makes the original call: that is its contract.

namespace SimLoop.Interception;

/// <summary>
/// What <see cref="Timer"/> becomes in rewritten assemblies. A call site must still get a real <see cref="Timer"/>,
/// so inside a simulation it gets one that is never armed, paired with a timer of <see cref="Sim.Time"/> that runs
/// the callback; every rewritten Change and Dispose of that object acts on the pair. Anywhere else, the original
/// calls. Not meant to be called directly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Timers
{
    private static readonly ConditionalWeakTable<Timer, ITimer> s_virtual = [];

    /// <summary>Replaces <c>new Timer(TimerCallback)</c>.</summary>
    public static Timer New(TimerCallback callback) => Create(callback, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan) ?? new Timer(callback);

    /// <summary>Replaces <c>new Timer(TimerCallback, object, int, int)</c>.</summary>
    public static Timer New(TimerCallback callback, object? state, int dueTime, int period) =>
        Create(callback, state, Waits.Milliseconds(dueTime), Waits.Milliseconds(period)) ?? new Timer(callback, state, dueTime, period);

    /// <summary>Replaces <c>new Timer(TimerCallback, object, long, long)</c>.</summary>
    public static Timer New(TimerCallback callback, object? state, long dueTime, long period) =>
        Create(callback, state, Waits.Milliseconds(dueTime), Waits.Milliseconds(period)) ?? new Timer(callback, state, dueTime, period);

    /// <summary>Replaces <c>new Timer(TimerCallback, object, uint, uint)</c>.</summary>
    public static Timer New(TimerCallback callback, object? state, uint dueTime, uint period) =>
        Create(callback, state, Waits.Milliseconds(dueTime == uint.MaxValue ? -1 : dueTime), Waits.Milliseconds(period == uint.MaxValue ? -1 : period))
        ?? new Timer(callback, state, dueTime, period);

    /// <summary>Replaces <c>new Timer(TimerCallback, object, TimeSpan, TimeSpan)</c>.</summary>
    public static Timer New(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        Create(callback, state, dueTime, period) ?? new Timer(callback, state, dueTime, period);

    /// <summary>Replaces <see cref="Timer.Change(int, int)"/>.</summary>
    public static bool Change(Timer timer, int dueTime, int period) =>
        Of(timer) is { } v ? v.Change(Waits.Milliseconds(dueTime), Waits.Milliseconds(period)) : timer.Change(dueTime, period);

    /// <summary>Replaces <see cref="Timer.Change(long, long)"/>.</summary>
    public static bool Change(Timer timer, long dueTime, long period) =>
        Of(timer) is { } v ? v.Change(Waits.Milliseconds(dueTime), Waits.Milliseconds(period)) : timer.Change(dueTime, period);

    /// <summary>Replaces <see cref="Timer.Change(uint, uint)"/>.</summary>
    public static bool Change(Timer timer, uint dueTime, uint period) =>
        Of(timer) is { } v
            ? v.Change(Waits.Milliseconds(dueTime == uint.MaxValue ? -1 : dueTime), Waits.Milliseconds(period == uint.MaxValue ? -1 : period))
            : timer.Change(dueTime, period);

    /// <summary>Replaces <see cref="Timer.Change(TimeSpan, TimeSpan)"/>.</summary>
    public static bool Change(Timer timer, TimeSpan dueTime, TimeSpan period) =>
        Of(timer) is { } v ? v.Change(dueTime, period) : timer.Change(dueTime, period);

    /// <summary>Replaces <see cref="Timer.Dispose()"/>.</summary>
    public static void Dispose(Timer timer)
    {
        Of(timer)?.Dispose();
        timer.Dispose();
    }

    /// <summary>Replaces <see cref="Timer.DisposeAsync"/>.</summary>
    public static ValueTask DisposeAsync(Timer timer)
    {
        Of(timer)?.Dispose();
        return timer.DisposeAsync();
    }

    /// <summary>Replaces <see cref="IDisposable.Dispose"/>: a Timer disposed through the interface stops its virtual pair too.</summary>
    public static void Dispose(IDisposable disposable)
    {
        ArgumentNullException.ThrowIfNull(disposable);
        if (disposable is Timer timer)
        {
            Of(timer)?.Dispose();
        }

        disposable.Dispose();
    }

    private static Timer? Create(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (EventLoop.CurrentOrNull is not { } loop)
        {
            return null;
        }

        // Never armed: arming a real timer is what the loop reports as an escape.
        var timer = new Timer(callback, state, Timeout.Infinite, Timeout.Infinite);
        s_virtual.Add(timer, loop.Time.CreateTimer(callback, state, dueTime, period));
        return timer;
    }

    private static ITimer? Of(Timer timer)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return s_virtual.TryGetValue(timer, out var v) ? v : null;
    }
}
