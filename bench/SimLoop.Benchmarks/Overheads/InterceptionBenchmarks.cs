using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using SimLoop.Interception;

namespace SimLoop.Benchmarks.Overheads;

/// <summary>
/// What a rewritten clock read costs. Outside a simulation the helper makes the original call after one
/// thread-static read (baseline: the original call, same run); inside one it reads the loop's virtual clock.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class InterceptionBenchmarks
{
    public const int Reads = 100_000;

#pragma warning disable RS0030 // the original call is the baseline
    [Benchmark(Baseline = true, OperationsPerInvoke = Reads)]
    [BenchmarkCategory("outside a simulation")]
    public long DateTime_UtcNow_original()
    {
        var sum = 0L;
        for (var i = 0; i < Reads; i++)
        {
            sum += DateTime.UtcNow.Ticks;
        }

        return sum;
    }
#pragma warning restore RS0030

    [Benchmark(OperationsPerInvoke = Reads)]
    [BenchmarkCategory("outside a simulation")]
    public long DateTime_UtcNow_rewritten()
    {
        var sum = 0L;
        for (var i = 0; i < Reads; i++)
        {
            sum += Clocks.DateTimeUtcNow().Ticks;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Reads)]
    [BenchmarkCategory("inside a simulation")]
    public long DateTime_UtcNow_rewritten_inside() => Sim.Run(static () =>
    {
        var sum = 0L;
        for (var i = 0; i < Reads; i++)
        {
            sum += Clocks.DateTimeUtcNow().Ticks;
        }

        return Task.FromResult(sum);
    }).Value;
}
