using BenchmarkDotNet.Attributes;

namespace SimLoop.Benchmarks.Overheads;

/// <summary>
/// What one piece of work queued to the real thread pool costs when the loop runs it under its control (the pool
/// thread parks, is granted the loop, runs the work, hands the loop back: two thread hand-overs), against the
/// simulated worker pool's zero-cost job, which never leaves the loop thread. Each run awaits the work one item at a
/// time, so the cost per item is the hand-over, not parallelism.
/// </summary>
[MemoryDiagnoser]
public class PoolWorkBenchmarks
{
    public const int Items = 1_000;

    private static readonly SimOptions s_options = new() { Seed = 1 };

    [Benchmark(Baseline = true, OperationsPerInvoke = Items)]
    public long Sim_ToThread_zero_cost() => Sim.Run(static async () =>
    {
        for (var i = 0; i < Items; i++)
        {
            await Sim.ToThread(static () => { }, TimeSpan.Zero);
        }
    }, s_options).Steps;

#pragma warning disable RS0030 // the controlled escape is what is measured
    [Benchmark(OperationsPerInvoke = Items)]
    public long Task_Run_under_control() => Sim.Run(static async () =>
    {
        for (var i = 0; i < Items; i++)
        {
            await Task.Run(static () => { });
        }
    }, s_options).Steps;
#pragma warning restore RS0030

    [Benchmark(OperationsPerInvoke = Items)]
    public long ConfigureAwait_false_under_control() => Sim.Run(static async () =>
    {
        for (var i = 0; i < Items; i++)
        {
            await Sim.Delay(TimeSpan.FromMilliseconds(1)).ConfigureAwait(false);
        }
    }, s_options).Steps;
}
