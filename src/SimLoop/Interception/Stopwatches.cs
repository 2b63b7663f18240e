using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.CompilerServices;

#pragma warning disable RS0030 // Outside a simulation each helper makes the original call: that is its contract.

namespace SimLoop.Interception;

/// <summary>
/// What <see cref="Stopwatch"/> instances become in rewritten assemblies. A stopwatch created inside a simulation
/// measures the simulation's virtual time, for its whole life (read after the run, it shows the virtual time it had
/// measured); any other stopwatch is the machine's. Not meant to be called directly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Stopwatches
{
    // Virtual state of the stopwatches created inside simulations; the Stopwatch object itself is never started.
    private static readonly ConditionalWeakTable<Stopwatch, VirtualWatch> s_virtual = [];

    /// <summary>Replaces <c>new Stopwatch()</c>.</summary>
    public static Stopwatch Create()
    {
        var watch = new Stopwatch();
        if (EventLoop.CurrentOrNull is { } loop)
        {
            s_virtual.Add(watch, new VirtualWatch(loop));
        }

        return watch;
    }

    /// <summary>Replaces <see cref="Stopwatch.StartNew"/>.</summary>
    public static Stopwatch CreateStarted()
    {
        if (EventLoop.CurrentOrNull is null)
        {
            return Stopwatch.StartNew();
        }

        var watch = Create();
        Start(watch);
        return watch;
    }

    /// <summary>Replaces <see cref="Stopwatch.Start"/>.</summary>
    public static void Start(Stopwatch watch)
    {
        if (Of(watch) is { } v)
        {
            v.Start();
        }
        else
        {
            watch.Start();
        }
    }

    /// <summary>Replaces <see cref="Stopwatch.Stop"/>.</summary>
    public static void Stop(Stopwatch watch)
    {
        if (Of(watch) is { } v)
        {
            v.Stop();
        }
        else
        {
            watch.Stop();
        }
    }

    /// <summary>Replaces <see cref="Stopwatch.Reset"/>.</summary>
    public static void Reset(Stopwatch watch)
    {
        if (Of(watch) is { } v)
        {
            v.Reset();
        }
        else
        {
            watch.Reset();
        }
    }

    /// <summary>Replaces <see cref="Stopwatch.Restart"/>.</summary>
    public static void Restart(Stopwatch watch)
    {
        if (Of(watch) is { } v)
        {
            v.Reset();
            v.Start();
        }
        else
        {
            watch.Restart();
        }
    }

    /// <summary>Replaces <see cref="Stopwatch.IsRunning"/>.</summary>
    public static bool IsRunning(Stopwatch watch) => Of(watch) is { } v ? v.IsRunning : watch.IsRunning;

    /// <summary>Replaces <see cref="Stopwatch.Elapsed"/>.</summary>
    public static TimeSpan Elapsed(Stopwatch watch) => Of(watch) is { } v ? TimeSpan.FromTicks(v.ElapsedTicks) : watch.Elapsed;

    /// <summary>Replaces <see cref="Stopwatch.ElapsedMilliseconds"/>.</summary>
    public static long ElapsedMilliseconds(Stopwatch watch) =>
        Of(watch) is { } v ? v.ElapsedTicks / TimeSpan.TicksPerMillisecond : watch.ElapsedMilliseconds;

    /// <summary>Replaces <see cref="Stopwatch.ElapsedTicks"/> (in <see cref="Stopwatch.Frequency"/> units, as the original).</summary>
    public static long ElapsedTicks(Stopwatch watch) => Of(watch) is { } v ? Clocks.ToTimestamp(v.ElapsedTicks) : watch.ElapsedTicks;

    private static VirtualWatch? Of(Stopwatch watch)
    {
        ArgumentNullException.ThrowIfNull(watch);
        return s_virtual.TryGetValue(watch, out var v) ? v : null;
    }

    /// <summary>A stopwatch on a loop's virtual clock, in TimeSpan ticks.</summary>
    private sealed class VirtualWatch(EventLoop loop)
    {
        private long _elapsed;
        private long _startedAt = -1;

        public bool IsRunning => _startedAt >= 0;

        public long ElapsedTicks => _elapsed + (IsRunning ? loop.NowTicks - _startedAt : 0);

        public void Start()
        {
            if (!IsRunning)
            {
                _startedAt = loop.NowTicks;
            }
        }

        public void Stop()
        {
            if (IsRunning)
            {
                _elapsed += loop.NowTicks - _startedAt;
                _startedAt = -1;
            }
        }

        public void Reset()
        {
            _elapsed = 0;
            _startedAt = -1;
        }
    }
}
