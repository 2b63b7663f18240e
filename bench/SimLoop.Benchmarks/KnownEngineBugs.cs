namespace SimLoop.Benchmarks;

/// <summary>
/// Engine bugs the benchmarks run into, recognised so that a benchmark can say so and go on instead of dying.
/// Each is documented in docs/performance.md ("Engine issues found by the benchmarks") with its evidence.
/// </summary>
public static class KnownEngineBugs
{
    private static int s_watchdogLockHits;

    /// <summary>How many times <see cref="ExploreRetryingWatchdogLock"/> had to rerun an exploration in this process.</summary>
    public static int WatchdogLockHits => Volatile.Read(ref s_watchdogLockHits);

    /// <summary>
    /// Sim.Explore, rerun once when it died of the watchdog-lock bug: when a run ends, EventLoop.Execute calls
    /// Watchdog.Unregister (a contended System.Threading.Lock) while the loop's StepContext is still the current
    /// SynchronizationContext, so a wait for that lock longer than the 10 ms blocking-wait grace (another explorer
    /// thread or the watchdog holding it across a GC pause or a preemption) is reported as a BlockingWait inside the
    /// finally block and kills the exploration worker. Every hit is counted and printed on stderr.
    /// </summary>
    public static ExplorationResult ExploreRetryingWatchdogLock(Func<Task> test, ExploreOptions options)
    {
        try
        {
            return Sim.Explore(test, options);
        }
        catch (InvalidOperationException e) when (IsWatchdogLockBug(e))
        {
            Interlocked.Increment(ref s_watchdogLockHits);
            Console.Error.WriteLine("SimLoop engine bug hit: a BlockingWait was reported inside Watchdog.Unregister/Register (see docs/performance.md); the exploration is rerun.");
            return Sim.Explore(test, options);
        }
    }

    private static bool IsWatchdogLockBug(Exception e) =>
        e.ToString() is var text
        && text.Contains("blocked the loop thread", StringComparison.Ordinal)
        && text.Contains("SimLoop.Diagnostics.Watchdog.", StringComparison.Ordinal);
}
