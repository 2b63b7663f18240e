using BenchmarkDotNet.Attributes;

namespace SimLoop.Benchmarks.Steps;

/// <summary>
/// The asyncio loop model against the default one, per operation, measured in the same run (baseline: a yield step in
/// the default model). The default model's pump has no branch for the asyncio model, so its rows are the reference;
/// the asyncio rows show what batches and the timer handle (one object per fired timer) cost.
/// </summary>
[MemoryDiagnoser]
public class LoopModelBenchmarks
{
    public const int Operations = 10_000;

    private static readonly SimOptions s_default = new() { Seed = 1 };
    private static readonly SimOptions s_asyncio = new() { Seed = 1, LoopModel = LoopModel.Asyncio };
    private static readonly TimeSpan s_millisecond = TimeSpan.FromMilliseconds(1);

    [Benchmark(Baseline = true, OperationsPerInvoke = Operations)]
    public long Yield_step_default() => Yields(s_default);

    [Benchmark(OperationsPerInvoke = Operations)]
    public long Yield_step_asyncio() => Yields(s_asyncio);

    [Benchmark(OperationsPerInvoke = Operations)]
    public long Timer_step_default() => Timers(s_default);

    [Benchmark(OperationsPerInvoke = Operations)]
    public long Timer_step_asyncio() => Timers(s_asyncio);

    private static long Yields(SimOptions options) => Sim.Run(static async () =>
    {
        for (var i = 0; i < Operations; i++)
        {
            await Sim.Yield();
        }
    }, options).Steps;

    private static long Timers(SimOptions options) => Sim.Run(static async () =>
    {
        for (var i = 0; i < Operations; i++)
        {
            await Sim.Delay(s_millisecond);
        }
    }, options).Steps;
}
