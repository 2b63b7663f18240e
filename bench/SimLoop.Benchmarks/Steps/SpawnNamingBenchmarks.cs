using System.Globalization;
using BenchmarkDotNet.Attributes;

namespace SimLoop.Benchmarks.Steps;

/// <summary>
/// Sim.Spawn with a distinct name per task (the baseline) against many tasks spawned under one name. The loop
/// makes repeated names unique ("worker", "worker#2", ...) by trying suffixes from 2 upwards, so the n-th task of
/// one name tries n names: spawning n tasks of one name costs O(n^2). Per spawned task.
/// </summary>
[MemoryDiagnoser]
public class SpawnNamingBenchmarks
{
    private static readonly SimOptions s_options = new() { Seed = 1 };

    private string[] _names = null!;

    [Params(1_000, 4_000)]
    public int Tasks { get; set; }

    [GlobalSetup]
    public void Setup() =>
        _names = Enumerable.Range(0, Tasks).Select(i => "worker-" + i.ToString(CultureInfo.InvariantCulture)).ToArray();

    [Benchmark(Baseline = true)]
    public long Distinct_names()
    {
        var names = _names;
        return Sim.Run(() => SpawnAll(names.Length, i => names[i]), s_options).Steps;
    }

    [Benchmark]
    public long One_name() => Sim.Run(() => SpawnAll(Tasks, static _ => "worker"), s_options).Steps;

    private static Task SpawnAll(int count, Func<int, string> name)
    {
        var tasks = new Task[count];
        for (var i = 0; i < count; i++)
        {
            tasks[i] = Sim.Spawn(name(i), static () => Task.CompletedTask);
        }

        return Task.WhenAll(tasks);
    }
}
