namespace SimLoop.Time;

/// <summary>
/// The simulation's clock as a <see cref="TimeProvider"/>: code that accepts a TimeProvider runs on virtual time
/// unchanged. The clock moves only when the loop jumps to the next due event or a step declares a cost.
/// </summary>
internal sealed class VirtualTimeProvider : TimeProvider
{
    private readonly EventLoop _loop;

    public VirtualTimeProvider(EventLoop loop) => _loop = loop;

    /// <summary>Timestamps are virtual ticks (100 ns) since the start of the run.</summary>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>UTC, so no run depends on the machine's time zone.</summary>
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override DateTimeOffset GetUtcNow() => _loop.Now;

    public override long GetTimestamp() => _loop.NowTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = _loop.CreateTimer(callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    public override string ToString() => "SimLoop virtual time";
}
