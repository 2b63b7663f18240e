namespace SimLoop.Benchmarks;

/// <summary>
/// SIMLOOP_BENCH_SMALL=1 shrinks the scale benchmarks (at most 10 k tasks or 100 k timers instead of 1 M and 10 M)
/// so that a dry run of every benchmark and <c>compare --quick</c> fit in CI's budget: a step with 1 M sleeping
/// tasks takes microseconds, so one run of the full-size scale benchmarks takes tens of seconds.
/// </summary>
public static class BenchSize
{
    public static bool Small => Environment.GetEnvironmentVariable("SIMLOOP_BENCH_SMALL") == "1";
}
