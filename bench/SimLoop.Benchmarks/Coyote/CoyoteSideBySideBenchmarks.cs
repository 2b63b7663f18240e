using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Cw = SimLoop.Benchmarks.CoyoteWorkloads;
using Sw = SimLoop.Benchmarks.Workloads;

namespace SimLoop.Benchmarks.Coyote;

/// <summary>
/// Time per exploration iteration of the same test, Coyote 1.7.11 (the baseline of each category) against SimLoop,
/// both with uniform random scheduling on one thread and nothing extra (SimLoop: no determinism self-check;
/// Coyote: no logging, no telemetry). A ratio of 0.01 means SimLoop runs 100 iterations while Coyote runs one.
/// Allocated is per iteration, on every thread (Coyote runs each task of the test as an operation of its own).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class CoyoteSideBySideBenchmarks
{
    public const int CoyoteIterations = 10;
    public const int SimLoopIterations = 5_000;

    [GlobalSetup]
    public void Setup() => CoyoteRunner.EnsureRewritten();

    [Benchmark(Baseline = true, OperationsPerInvoke = CoyoteIterations)]
    [BenchmarkCategory("small test")]
    public int Coyote_small_test() => Coyote(Cw.SmallTest.Run);

    [Benchmark(OperationsPerInvoke = SimLoopIterations)]
    [BenchmarkCategory("small test")]
    public int SimLoop_small_test() => SimLoop(Sw.SmallTest.Run);

    [Benchmark(Baseline = true, OperationsPerInvoke = CoyoteIterations)]
    [BenchmarkCategory("bounded buffer (fixed)")]
    public int Coyote_bounded_buffer() => Coyote(Cw.BoundedBuffer.Fixed);

    [Benchmark(OperationsPerInvoke = SimLoopIterations)]
    [BenchmarkCategory("bounded buffer (fixed)")]
    public int SimLoop_bounded_buffer() => SimLoop(Sw.BoundedBuffer.Fixed);

    private static int Coyote(Func<Task> test)
    {
        var outcome = CoyoteRunner.Run(test, CoyoteRunner.Kind.Random, CoyoteIterations, seed: 1);
        return outcome.FoundBug ? throw new InvalidOperationException("Coyote found a bug in a correct test: " + outcome.Bug) : outcome.Iterations;
    }

    private static int SimLoop(Func<Task> test)
    {
        var result = Sim.Explore(test, new ExploreOptions
        {
            Seed = 1,
            Iterations = SimLoopIterations,
            Strategy = Strategy.Random,
            Parallelism = 1,
            CheckDeterminism = false,
        });
        result.ThrowIfFailed();
        return result.Iterations;
    }
}
