using System.Globalization;
using BenchmarkDotNet.Attributes;

namespace SimLoop.Benchmarks.Scale;

/// <summary>
/// Steps per second with N concurrent tasks, sleeping (the baseline: each sleeps on its own Sim.Delay period
/// between steps, so N timers are pending) or ready (each yields, so N continuations wait in the ready queue).
/// Every run takes about the same number of steps (<see cref="TotalSteps"/>): N tasks take TotalSteps / N steps
/// each, their start step included. The Mean is per run; the ns/step, steps/s and "vs smallest N" columns
/// (<see cref="ScaleColumns"/>) divide it by the run's steps.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ScaleColumns.Config))]
public class ScaleBenchmarks
{
    private static readonly SimOptions s_options = new() { Seed = 1, MaxSteps = 2L * TotalSteps };

    private string[] _names = null!;

    public static int TotalSteps => BenchSize.Small ? 100_000 : 4_000_000;

    public static IEnumerable<int> TaskCounts => BenchSize.Small ? [1_000, 10_000] : [1_000, 100_000, 1_000_000];

    [ParamsSource(nameof(TaskCounts))]
    public int Tasks { get; set; }

    /// <summary>Steps of one run: each task's TotalSteps / N steps, plus main's start and its resumption after the join.</summary>
    public static long StepsFor(int tasks) => (long)tasks * (TotalSteps / tasks) + 2;

    [GlobalSetup]
    public void Setup() =>
        _names = Enumerable.Range(0, Tasks).Select(i => "task-" + i.ToString(CultureInfo.InvariantCulture)).ToArray();

    [Benchmark(Baseline = true)]
    public long Sleeping() => Sim.Run(() => SpawnAll(_names, sleeping: true), s_options).Steps;

    [Benchmark]
    public long Ready() => Sim.Run(() => SpawnAll(_names, sleeping: false), s_options).Steps;

    private static async Task SpawnAll(string[] names, bool sleeping)
    {
        var rounds = TotalSteps / names.Length - 1;
        var all = new Task[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            // Periods from 1 ms to 101 ms, spread so that the heap order differs from creation order.
            var period = TimeSpan.FromTicks(10_000 + (i * 7_919L % 1_000_000));
            all[i] = Sim.Spawn(names[i], async () =>
            {
                for (var r = 0; r < rounds; r++)
                {
                    if (sleeping)
                    {
                        await Sim.Delay(period);
                    }
                    else
                    {
                        await Sim.Yield();
                    }
                }
            });
        }

        await Task.WhenAll(all);
    }
}
