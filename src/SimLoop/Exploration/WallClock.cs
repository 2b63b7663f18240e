using System.Diagnostics;

namespace SimLoop.Exploration;

/// <summary>
/// Real elapsed time, for reports only (exploration duration, progress rate). The one place the engine reads a
/// real clock outside the watchdog; nothing here feeds a scheduling decision.
/// </summary>
internal sealed class WallClock
{
#pragma warning disable RS0030 // Banned Stopwatch: reporting only, never a decision (see class summary).
    private readonly Stopwatch _stopwatch = Stopwatch.StartNew();

    public TimeSpan Elapsed => _stopwatch.Elapsed;
#pragma warning restore RS0030
}
