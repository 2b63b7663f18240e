using BenchmarkDotNet.Attributes;
using SimLoop.Benchmarks.Workloads;

namespace SimLoop.Benchmarks.EndToEnd;

/// <summary>
/// The same exploration budget (the small test, Random, <see cref="Iterations"/> iterations) on one worker thread
/// (the baseline) and on two. The machine has two cores; a ratio of 0.5 would be a perfect 2x speed-up.
/// </summary>
[MemoryDiagnoser]
public class ParallelExplorationBenchmarks
{
    public const int Iterations = 10_000;

    [Benchmark(Baseline = true, OperationsPerInvoke = Iterations)]
    public int One_thread() => Explore(1);

    [Benchmark(OperationsPerInvoke = Iterations)]
    public int Two_threads() => Explore(2);

    private static int Explore(int parallelism)
    {
        var result = Sim.Explore(SmallTest.Run, new ExploreOptions
        {
            Seed = 0x5EED,
            Iterations = Iterations,
            Strategy = Strategy.Random,
            Parallelism = parallelism,
            CheckDeterminism = false,
        });
        result.ThrowIfFailed();
        return result.Iterations;
    }
}
