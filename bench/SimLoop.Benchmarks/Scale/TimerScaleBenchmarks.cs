using BenchmarkDotNet.Attributes;

namespace SimLoop.Benchmarks.Scale;

/// <summary>
/// N timers pending at once: one task schedules N Sim.Delay timers with due times spread over an hour, then
/// sleeps past the last (yielding every 100,000 timers); the loop fires them all (nobody awaits them, so a firing completes a task and queues
/// nothing). Per timer: schedule, keep in order, fire. The baseline is the floor of the same work: N entries
/// pushed into and popped from a PriorityQueue keyed like SimLoop's (due, sequence). Per timer (OperationsPerInvoke
/// cannot follow a parameter, so the Mean is per run of N timers: divide by N, or read the Ratio).
/// </summary>
[MemoryDiagnoser]
public class TimerScaleBenchmarks
{
    private static readonly SimOptions s_options = new() { Seed = 1 };

    public static IEnumerable<int> TimerCounts => BenchSize.Small ? [1_000, 100_000] : [1_000, 1_000_000, 10_000_000];

    [ParamsSource(nameof(TimerCounts))]
    public int Timers { get; set; }

    [Benchmark(Baseline = true)]
    public long Bare_heap()
    {
        var heap = new PriorityQueue<object?, (long Due, long Sequence)>();
        for (var i = 0L; i < Timers; i++)
        {
            heap.Enqueue(null, (Due(i), i));
        }

        var last = 0L;
        while (heap.TryDequeue(out _, out var key))
        {
            last = key.Due;
        }

        return last;
    }

    [Benchmark]
    public long Sim_Delay_timers()
    {
        var timers = Timers;
        return Sim.Run(async () =>
        {
            for (var i = 0L; i < timers; i++)
            {
                _ = Sim.Delay(TimeSpan.FromTicks(Due(i)));
                if (i % 100_000 == 99_999)
                {
                    // Give the loop back now and then: one step that schedules 10 M timers runs longer than the
                    // watchdog's 5 s and fails the run as a hang (SimOptions.WatchdogTimeout).
                    await Sim.Yield();
                }
            }

            await Sim.Delay(TimeSpan.FromHours(2));
        }, s_options).Steps;
    }

    // 1 hour is 3.6e10 ticks: a multiplicative step spreads the due times so they arrive out of order.
    private static long Due(long i) => 1 + (i * 2_654_435_761L % 36_000_000_000L);
}
