using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using SimLoop.Benchmarks.Workloads;

namespace SimLoop.Benchmarks.Overheads;

/// <summary>
/// What the optional machinery costs, each category against its own baseline in the same run: tracing
/// (SimOptions.RecordTrace) and escape detection (SimOptions.DetectEscapes) per run of the small test and per
/// step of a yield ping-pong; the determinism self-check (ExploreOptions.CheckDeterminism) per exploration
/// iteration. Baselines are the cheapest setting (tracing off, escape detection off, no self-check).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class OverheadBenchmarks
{
    public const int RunCount = 1_000;
    public const int Steps = 100_000;
    public const int Iterations = 2_000;

    private static readonly SimOptions s_bare = new() { Seed = 1, DetectEscapes = false };
    private static readonly SimOptions s_traced = s_bare with { RecordTrace = true };
    private static readonly SimOptions s_detecting = s_bare with { DetectEscapes = true };

    [Benchmark(Baseline = true, OperationsPerInvoke = RunCount)]
    [BenchmarkCategory("per run")]
    public long Run_bare() => RunMany(s_bare);

    [Benchmark(OperationsPerInvoke = RunCount)]
    [BenchmarkCategory("per run")]
    public long Run_traced() => RunMany(s_traced);

    [Benchmark(OperationsPerInvoke = RunCount)]
    [BenchmarkCategory("per run")]
    public long Run_escape_detection() => RunMany(s_detecting);

    [Benchmark(Baseline = true, OperationsPerInvoke = Steps)]
    [BenchmarkCategory("per step")]
    public long Step_bare() => PingPong(s_bare);

    [Benchmark(OperationsPerInvoke = Steps)]
    [BenchmarkCategory("per step")]
    public long Step_traced() => PingPong(s_traced);

    [Benchmark(OperationsPerInvoke = Steps)]
    [BenchmarkCategory("per step")]
    public long Step_escape_detection() => PingPong(s_detecting);

    [Benchmark(Baseline = true, OperationsPerInvoke = Iterations)]
    [BenchmarkCategory("per iteration")]
    public int Explore_no_self_check() => Explore(checkDeterminism: false);

    [Benchmark(OperationsPerInvoke = Iterations)]
    [BenchmarkCategory("per iteration")]
    public int Explore_self_check() => Explore(checkDeterminism: true);

    private static long RunMany(SimOptions options)
    {
        var steps = 0L;
        for (var i = 0; i < RunCount; i++)
        {
            steps += Sim.Run(SmallTest.Run, options).Steps;
        }

        return steps;
    }

    private static long PingPong(SimOptions options) => Sim.Run(static async () =>
    {
        static async Task Loop()
        {
            for (var i = 0; i < (Steps - 4) / 2; i++)
            {
                await Sim.Yield();
            }
        }

        var a = Sim.Spawn("ping", Loop);
        var b = Sim.Spawn("pong", Loop);
        await a;
        await b;
    }, options).Steps;

    private static int Explore(bool checkDeterminism)
    {
        var result = Sim.Explore(SmallTest.Run, new ExploreOptions
        {
            Seed = 0x5EED,
            Iterations = Iterations,
            Strategy = Strategy.Random,
            Parallelism = 1,
            CheckDeterminism = checkDeterminism,
        });
        result.ThrowIfFailed();
        return result.Iterations;
    }
}
