using BenchmarkDotNet.Attributes;

namespace SimLoop.Benchmarks.Scale;

/// <summary>
/// N timers due at the same instant (N tasks that all sleep one second in lockstep, the common shape of a load
/// test) against N timers due at N distinct instants (the baseline). The loop takes a same-instant group out of
/// the heap into a list and removes the strategy's pick with List.RemoveAt(index); FIFO picks index 0, so each
/// removal shifts the rest of the group: O(N^2) for a group of N. The Mean is per run of N timers.
/// </summary>
[MemoryDiagnoser]
public class SameInstantTimersBenchmarks
{
    private static readonly SimOptions s_options = new() { Seed = 1 };

    public static IEnumerable<int> TimerCounts => BenchSize.Small ? [1_000, 10_000] : [1_000, 10_000, 100_000];

    [ParamsSource(nameof(TimerCounts))]
    public int Timers { get; set; }

    [Benchmark(Baseline = true)]
    public long Distinct_instants() => Run(Timers, sameInstant: false);

    [Benchmark]
    public long Same_instant() => Run(Timers, sameInstant: true);

    private static long Run(int timers, bool sameInstant) => Sim.Run(async () =>
    {
        var all = new Task[timers];
        for (var i = 0; i < timers; i++)
        {
            all[i] = Sim.Delay(TimeSpan.FromSeconds(1) + (sameInstant ? TimeSpan.Zero : TimeSpan.FromTicks(i)));
        }

        await Task.WhenAll(all);
    }, s_options).Steps;
}
