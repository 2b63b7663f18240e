using BenchmarkDotNet.Attributes;
using SimLoop.Fairness;
using SimLoop.Loop;
using SimLoop.Tracing;

namespace SimLoop.Benchmarks.Overheads;

/// <summary>
/// The per-step bookkeeping that cannot be switched off, measured piece by piece (through the engine's internal
/// types) against one whole yield step (the baseline): a ratio of 0.05 means the piece is 5 % of a step. Fairness
/// accounting and the trace hash + tail run on every step; the full trace only with RecordTrace; the fresh
/// SynchronizationContext per step is what prevents inline resumption (docs/architecture.md).
/// </summary>
[MemoryDiagnoser]
public class BookkeepingBenchmarks
{
    public const int Operations = 100_000;

    private static readonly SimOptions s_options = new() { Seed = 1 };

    private readonly SimTask _owner = new(1, "worker");
    private FairnessTracker _fairness = null!;
    private TraceRecorder _tail = null!;
    private TraceRecorder _full = null!;

    [IterationSetup]
    public void Setup()
    {
        _fairness = new FairnessTracker(TimeSpan.FromMilliseconds(100));
        _tail = new TraceRecorder(recordAll: false);
        _full = new TraceRecorder(recordAll: true);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Operations)]
    public long Yield_step() => Sim.Run(static async () =>
    {
        for (var i = 0; i < Operations; i++)
        {
            await Sim.Yield();
        }
    }, s_options).Steps;

    [Benchmark(OperationsPerInvoke = Operations)]
    public long Fairness_account()
    {
        var record = new StepRecord { Start = 10, End = 10, ReadyAt = 5, TaskId = 1, Reason = ReadyReason.Yield };
        for (var i = 0; i < Operations; i++)
        {
            record.Index = i;
            _fairness.Account(_owner, record, 0, 0);
        }

        return _owner.Steps;
    }

    [Benchmark(OperationsPerInvoke = Operations)]
    public ulong Trace_hash_and_tail() => RecordSteps(_tail);

    [Benchmark(OperationsPerInvoke = Operations)]
    public ulong Trace_full() => RecordSteps(_full);

    private static ulong RecordSteps(TraceRecorder recorder)
    {
        var record = new StepRecord { Start = 10, End = 10, ReadyAt = 5, TaskId = 1, Reason = ReadyReason.Yield };
        for (var i = 0; i < Operations; i++)
        {
            record.Index = i;
            recorder.Record(record);
        }

        return recorder.Hash;
    }

    /// <summary>What RunStep does with contexts: allocate one (as StepContext does: it asks for wait notifications), install it, restore the between-steps one.</summary>
    [Benchmark(OperationsPerInvoke = Operations)]
    public int Fresh_context_per_step()
    {
        var previous = SynchronizationContext.Current;
        var between = new ContextLikeStepContext(0);
        var hash = 0;
        for (var i = 0; i < Operations; i++)
        {
            var context = new ContextLikeStepContext(i);
            SynchronizationContext.SetSynchronizationContext(context);
            hash += context.Owner;
            SynchronizationContext.SetSynchronizationContext(between);
        }

        SynchronizationContext.SetSynchronizationContext(previous);
        return hash;
    }

    /// <summary>Same shape and constructor work as the engine's StepContext (two references, wait notification on).</summary>
    private sealed class ContextLikeStepContext : SynchronizationContext
    {
        public ContextLikeStepContext(int owner)
        {
            Loop = this;
            Owner = owner;
            SetWaitNotificationRequired();
        }

        public object Loop { get; }

        public int Owner { get; }

        public override SynchronizationContext CreateCopy() => this;
    }
}
