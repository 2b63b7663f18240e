using System.Threading.Channels;
using BenchmarkDotNet.Attributes;

namespace SimLoop.Benchmarks.Steps;

/// <summary>
/// What each kind of operation costs, per operation, against one yield step (the baseline) measured in the same
/// run: a ratio of 3 means the operation costs as much as three yield steps. Each method performs
/// <see cref="Operations"/> operations in one simulation.
/// </summary>
[MemoryDiagnoser]
public class OperationBenchmarks
{
    public const int Operations = 10_000;

    private static readonly SimOptions s_options = new() { Seed = 1 };
    private static readonly TimeSpan s_millisecond = TimeSpan.FromMilliseconds(1);
    private static readonly Action s_nothing = static () => { };

    private readonly PriorityQueue<Action, long> _timers = new();
    private string[] _names = null!;
    private long _now;
    private int _remaining;
    private Action _rearm = null!;

    [GlobalSetup]
    public void Setup()
    {
        // Task names are made here: Sim.Spawn needs unique names to be cheap (see SpawnNamingBenchmarks).
        _names = Enumerable.Range(0, Operations).Select(i => "task-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        _rearm = () =>
        {
            if (--_remaining > 0)
            {
                _timers.Enqueue(_rearm, _now + 10_000);
            }
        };
    }

    /// <summary>One step of a task that does nothing but <c>await Sim.Yield()</c> (one task, so the loop never switches).</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Operations)]
    public long Yield_step() => Sim.Run(static async () =>
    {
        for (var i = 0; i < Operations; i++)
        {
            await Sim.Yield();
        }
    }, s_options).Steps;

    /// <summary>The floor of a timer step: pop the earliest entry of a binary heap, jump the clock, invoke it, push the next.</summary>
    [Benchmark(OperationsPerInvoke = Operations)]
    public long Bare_timer_heap()
    {
        _remaining = Operations;
        _now = 0;
        _timers.Enqueue(_rearm, 10_000);
        while (_timers.TryDequeue(out var next, out var due))
        {
            _now = due;
            next();
        }

        return _now;
    }

    /// <summary>A timer step: <c>await Sim.Delay(1 ms)</c> with nothing else ready, so the clock jumps (autojump) and the sleeper runs.</summary>
    [Benchmark(OperationsPerInvoke = Operations)]
    public long Timer_step() => Sim.Run(static async () =>
    {
        for (var i = 0; i < Operations; i++)
        {
            await Sim.Delay(s_millisecond);
        }
    }, s_options).Steps;

    /// <summary>Sim.Spawn of a task whose body completes at once, its start step, and its completion observed by main (Task.WhenAll).</summary>
    [Benchmark(OperationsPerInvoke = Operations)]
    public long Spawn_and_completion()
    {
        var names = _names;
        return Sim.Run(async () =>
        {
            var tasks = new Task[Operations];
            for (var i = 0; i < tasks.Length; i++)
            {
                tasks[i] = Sim.Spawn(names[i], static () => Task.CompletedTask);
            }

            await Task.WhenAll(tasks);
        }, s_options).Steps;
    }

    /// <summary>One item handed from a producer task to a consumer task through a bounded Channel of capacity 1.</summary>
    [Benchmark(OperationsPerInvoke = Operations)]
    public long Channel_hand_off() => Sim.Run(static async () =>
    {
        var channel = Channel.CreateBounded<int>(1);
        var consumer = Sim.Spawn("consumer", async () =>
        {
            var sum = 0L;
            for (var i = 0; i < Operations; i++)
            {
                sum += await channel.Reader.ReadAsync();
            }

            return sum;
        });
        for (var i = 0; i < Operations; i++)
        {
            await channel.Writer.WriteAsync(i);
        }

        await consumer;
    }, s_options).Steps;

    /// <summary>One <c>Sim.Cpu(1 µs, label)</c> section (no step: sections run inside the caller's step).</summary>
    [Benchmark(OperationsPerInvoke = Operations)]
    public long Cpu_section() => Sim.Run(static () =>
    {
        var cost = TimeSpan.FromTicks(10);
        for (var i = 0; i < Operations; i++)
        {
            Sim.Cpu(cost, "parse");
        }

        return Task.CompletedTask;
    }, s_options).Steps;

    /// <summary>One <c>Sim.Block(1 µs, label)</c> section.</summary>
    [Benchmark(OperationsPerInvoke = Operations)]
    public long Block_section() => Sim.Run(static () =>
    {
        var cost = TimeSpan.FromTicks(10);
        for (var i = 0; i < Operations; i++)
        {
            Sim.Block(cost, "fsync");
        }

        return Task.CompletedTask;
    }, s_options).Steps;

    /// <summary>One <c>await Sim.ToThread(work, 1 ms)</c> job: reserve a worker, fire the finish event, run the work, resume the awaiter.</summary>
    [Benchmark(OperationsPerInvoke = Operations)]
    public long ToThread_job() => Sim.Run(static async () =>
    {
        for (var i = 0; i < Operations; i++)
        {
            await Sim.ToThread(s_nothing, s_millisecond);
        }
    }, s_options).Steps;
}
