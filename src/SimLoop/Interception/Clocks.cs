using System.ComponentModel;
using System.Diagnostics;

#pragma warning disable RS0030 // Outside a simulation each helper makes the original call: that is its contract.

namespace SimLoop.Interception;

/// <summary>
/// What clock reads become in assemblies SimLoop rewrites at build (see docs/architecture.md, "Rewritten call
/// sites"): inside a simulation on this thread, the simulation's virtual clock; anywhere else, exactly the original
/// call. The cost outside a simulation is one thread-static read. Not meant to be called directly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Clocks
{
    /// <summary>Replaces <see cref="DateTime.UtcNow"/>.</summary>
    public static DateTime DateTimeUtcNow() => EventLoop.CurrentOrNull is { } loop ? loop.Now.UtcDateTime : DateTime.UtcNow;

    /// <summary>
    /// Replaces <see cref="DateTime.Now"/>: the virtual instant in the simulation's time zone (UTC, as
    /// <see cref="Sim.Time"/>'s LocalTimeZone), never the machine's, so a run replays the same on any machine.
    /// </summary>
    public static DateTime DateTimeNow() =>
        EventLoop.CurrentOrNull is { } loop ? DateTime.SpecifyKind(loop.Time.GetLocalNow().DateTime, DateTimeKind.Local) : DateTime.Now;

    /// <summary>Replaces <see cref="DateTimeOffset.UtcNow"/>.</summary>
    public static DateTimeOffset DateTimeOffsetUtcNow() => EventLoop.CurrentOrNull is { } loop ? loop.Now : DateTimeOffset.UtcNow;

    /// <summary>Replaces <see cref="DateTimeOffset.Now"/>: the virtual instant in the simulation's time zone (UTC).</summary>
    public static DateTimeOffset DateTimeOffsetNow() => EventLoop.CurrentOrNull is { } loop ? loop.Time.GetLocalNow() : DateTimeOffset.Now;

    /// <summary>Replaces <see cref="Environment.TickCount"/>: virtual milliseconds since the start of the run.</summary>
    public static int TickCount() => EventLoop.CurrentOrNull is { } loop ? (int)(long)loop.Elapsed.TotalMilliseconds : Environment.TickCount;

    /// <summary>Replaces <see cref="Environment.TickCount64"/>: virtual milliseconds since the start of the run.</summary>
    public static long TickCount64() => EventLoop.CurrentOrNull is { } loop ? (long)loop.Elapsed.TotalMilliseconds : Environment.TickCount64;

    /// <summary>Replaces <see cref="Stopwatch.GetTimestamp"/>: virtual time since the start of the run, in <see cref="Stopwatch.Frequency"/> units.</summary>
    public static long GetTimestamp() => EventLoop.CurrentOrNull is { } loop ? ToTimestamp(loop.NowTicks) : Stopwatch.GetTimestamp();

    /// <summary>Replaces <see cref="Stopwatch.GetElapsedTime(long)"/>.</summary>
    public static TimeSpan GetElapsedTime(long startingTimestamp) => Stopwatch.GetElapsedTime(startingTimestamp, GetTimestamp());

    /// <summary>Replaces <see cref="TimeProvider.System"/>: the simulation's clock, under an identity of its own (see <see cref="SystemTimeStandIn"/>).</summary>
    public static TimeProvider SystemTimeProvider() => EventLoop.CurrentOrNull is { } loop ? loop.SystemTimeStandIn : TimeProvider.System;

    internal static long ToTimestamp(long ticks) => (long)((double)ticks * Stopwatch.Frequency / TimeSpan.TicksPerSecond);
}
