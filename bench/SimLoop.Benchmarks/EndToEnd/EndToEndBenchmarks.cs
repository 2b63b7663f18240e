using BenchmarkDotNet.Attributes;
using SimLoop.Benchmarks.Workloads;

namespace SimLoop.Benchmarks.EndToEnd;

/// <summary>
/// Iterations per second of whole tests, per iteration: the small test (5 tasks, 82 steps) explored under Fifo (the
/// baseline), Random, PCT, the default portfolio and the portfolio it replaced on one thread, the same as a plain Sim.Run loop, and the bounded-buffer test (fixed
/// version, so every iteration runs to the end) explored with the default Portfolio. Exploration settings are the
/// defaults (determinism self-check every 64th iteration included) except Parallelism = 1 and a fixed seed.
/// </summary>
[MemoryDiagnoser]
public class EndToEndBenchmarks
{
    public const int Iterations = 2_000;

    [Benchmark(Baseline = true, OperationsPerInvoke = Iterations)]
    public int Small_test_fifo() => Explore(SmallTest.Run, Strategy.Fifo);

    [Benchmark(OperationsPerInvoke = Iterations)]
    public int Small_test_random() => Explore(SmallTest.Run, Strategy.Random);

    [Benchmark(OperationsPerInvoke = Iterations)]
    public int Small_test_pct3() => Explore(SmallTest.Run, Strategy.Pct(3));

    /// <summary>The default strategy of Sim.Explore and [SimTest].</summary>
    [Benchmark(OperationsPerInvoke = Iterations)]
    public int Small_test_portfolio() => Explore(SmallTest.Run, Strategy.Portfolio);

    /// <summary>The default before the adaptive portfolio (0.1.0-preview.1) (random, pct1, random, pct2, ...): the speed the new default must keep.</summary>
    [Benchmark(OperationsPerInvoke = Iterations)]
    public int Small_test_alternating_portfolio() => Explore(SmallTest.Run, new Scheduling.AlternatingPortfolioStrategy());

    /// <summary>The same test as a loop of Sim.Run calls: each builds a SimResult (fairness report and trace tail), which exploration skips.</summary>
    [Benchmark(OperationsPerInvoke = Iterations)]
    public long Small_test_Sim_Run_loop()
    {
        var steps = 0L;
        for (var i = 0; i < Iterations; i++)
        {
            steps += Sim.Run(SmallTest.Run, new SimOptions { Seed = (ulong)i, Strategy = Strategy.Random }).Steps;
        }

        return steps;
    }

    [Benchmark(OperationsPerInvoke = Iterations)]
    public int Bounded_buffer_portfolio() => Explore(BoundedBuffer.Fixed, Strategy.Portfolio);

    internal static int Explore(Func<Task> test, Strategy strategy)
    {
        var result = Sim.Explore(test, new ExploreOptions { Seed = 0x5EED, Iterations = Iterations, Strategy = strategy, Parallelism = 1 });
        result.ThrowIfFailed();
        return result.Iterations;
    }
}
