using BenchmarkDotNet.Attributes;

namespace SimLoop.Benchmarks.Steps;

/// <summary>
/// The cost of one step against the physical floor. Every method performs <see cref="Steps"/> steps and reports the
/// time per step: two tasks that alternate, each giving the loop back after every step.
/// </summary>
[MemoryDiagnoser]
public class StepBenchmarks
{
    public const int Steps = 100_000;

    private static readonly SimOptions s_options = new() { Seed = 1 };

    private readonly Queue<Action> _queue = new();
    private Action _ping = null!;
    private Action _pong = null!;
    private int _remaining;

    [GlobalSetup]
    public void Setup()
    {
        _ping = () =>
        {
            if (--_remaining > 0)
            {
                _queue.Enqueue(_pong);
            }
        };
        _pong = () =>
        {
            if (--_remaining > 0)
            {
                _queue.Enqueue(_ping);
            }
        };
    }

    /// <summary>The floor: one thread dequeuing and invoking delegates that each queue the other, nothing else.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Steps)]
    public int Bare_queue()
    {
        _remaining = Steps;
        _queue.Enqueue(_ping);
        while (_queue.TryDequeue(out var next))
        {
            next();
        }

        return _remaining;
    }

    /// <summary>Two tasks ping-pong with <c>await Sim.Yield()</c>: SimLoop's own awaiter, the cheapest way back to the loop.</summary>
    [Benchmark(OperationsPerInvoke = Steps)]
    public long Sim_Yield() => Sim.Run(() => PingPong(YieldKind.SimYield), s_options).Steps;

    /// <summary>The same with <c>await Task.Yield()</c>, which posts through the step's SynchronizationContext.</summary>
    [Benchmark(OperationsPerInvoke = Steps)]
    public long Task_Yield() => Sim.Run(() => PingPong(YieldKind.TaskYield), s_options).Steps;

    /// <summary>The same with <c>await Sim.Delay(TimeSpan.Zero)</c> (asyncio.sleep(0)): a Task per yield.</summary>
    [Benchmark(OperationsPerInvoke = Steps)]
    public long Sim_Delay_zero() => Sim.Run(() => PingPong(YieldKind.SimDelayZero), s_options).Steps;

    // Main's start, two task starts and main's resumption are 4 of the steps; each task yields the rest.
    private static async Task PingPong(YieldKind kind)
    {
        var perTask = (Steps - 4) / 2;
        var a = Sim.Spawn("ping", () => Loop(kind, perTask));
        var b = Sim.Spawn("pong", () => Loop(kind, perTask));
        await a;
        await b;
    }

    private static async Task Loop(YieldKind kind, int yields)
    {
        for (var i = 0; i < yields; i++)
        {
            switch (kind)
            {
                case YieldKind.SimYield:
                    await Sim.Yield();
                    break;
                case YieldKind.TaskYield:
                    await Task.Yield();
                    break;
                default:
                    await Sim.Delay(TimeSpan.Zero);
                    break;
            }
        }
    }

    public enum YieldKind
    {
        SimYield,
        TaskYield,
        SimDelayZero,
    }
}
