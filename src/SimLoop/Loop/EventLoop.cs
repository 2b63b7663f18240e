using System.Diagnostics;
using SimLoop.Cost;
using SimLoop.Fairness;
using SimLoop.Loop;
using SimLoop.Scheduling;
using SimLoop.Time;
using SimLoop.Tracing;

namespace SimLoop;

/// <summary>
/// One simulated single-threaded event loop: a ready queue, a queue of timed events, a virtual clock and a
/// strategy that resolves every choice. Made fresh by each <see cref="Sim.Run(Func{Task}, SimOptions?)"/>; reach
/// the running one with <see cref="Sim.Current"/>. Not thread-safe by design: everything happens on the thread
/// that called Sim.Run, and anything arriving from another thread is reported as uncontrolled concurrency.
/// </summary>
[DebuggerDisplay("{Elapsed} after {Steps} steps, {ReadyCount} ready")]
public sealed partial class EventLoop
{
    [ThreadStatic]
    private static EventLoop? t_current;

    private readonly SimOptions _options;
    // The thread acting for the loop: the one that called Sim.Run, or the pool thread running granted pool work.
    private volatile int _threadId;
    private readonly long _limitTicks;
    private readonly ReadyQueue _ready = new();
    private readonly EventQueue _events = new();
    private readonly List<ScheduledEvent> _sameInstant = [];
    private readonly Scheduler _scheduler;
    private readonly List<SimTask> _tasks = [];
    private readonly HashSet<string> _taskNames = new(StringComparer.Ordinal);
    private readonly WorkerPool _pool;
    private readonly TraceRecorder _trace;
    private readonly SimTask _loopTask;
    private readonly StepContext _betweenSteps;

    private long _now;

    private EventLoop(SimOptions options, RunPlan plan)
    {
        _options = options;
        _plan = plan;
        Seed = plan.Seed;
        StrategyName = plan.Strategy.Name;
        _scheduler = plan.CreateScheduler();
        _asyncio = options.AsyncioTraits ?? (options.LoopModel == LoopModel.Asyncio ? AsyncioTraits.All : null);
        _decisions = plan.RecordDecisions ? [] : null;
        _threadId = Environment.CurrentManagedThreadId;
        _limitTicks = options.MaxVirtualTime.Ticks;
        _pool = new WorkerPool(options.WorkerThreads);
        _trace = new TraceRecorder(options.RecordTrace);
        _fairness = new FairnessTracker(options.SlowStepThreshold);
        Time = new VirtualTimeProvider(this);

        // Task 0 owns what runs between steps (event callbacks); it appears only if user code runs there.
        _loopTask = new SimTask(0, "(loop)");
        _betweenSteps = new StepContext(this, _loopTask);
    }

    /// <summary>The loop running on this thread, or null.</summary>
    internal static EventLoop? CurrentOrNull => t_current;

    /// <summary>Virtual time as a <see cref="TimeProvider"/>: pass it to code that takes one.</summary>
    public TimeProvider Time { get; }

    private Interception.SystemTimeStandIn? _systemTimeStandIn;

    /// <summary>What rewritten code gets for TimeProvider.System inside this simulation.</summary>
    internal TimeProvider SystemTimeStandIn => _systemTimeStandIn ??= new Interception.SystemTimeStandIn(Time);

    /// <summary>The instant virtual time started at.</summary>
    public DateTimeOffset StartTime => _options.StartTime;

    /// <summary>The current virtual instant.</summary>
    public DateTimeOffset Now => _options.StartTime + TimeSpan.FromTicks(_now);

    /// <summary>Virtual time since the start of the run.</summary>
    public TimeSpan Elapsed => TimeSpan.FromTicks(_now);

    /// <summary>The seed of this run.</summary>
    public ulong Seed { get; }

    /// <summary>Steps run so far.</summary>
    public long Steps => _trace.Count;

    /// <summary>
    /// The fairness report of the running simulation so far: a snapshot with the figures <see cref="SimResult.Fairness"/>
    /// would give if the run ended now (the step that asks is counted as ending here). Assert on it inside a test, with
    /// the same helpers as on a result.
    /// </summary>
    public FairnessReport Fairness
    {
        get
        {
            EnsureOnLoopThread("EventLoop.Fairness");
            return BuildFairness(_running);
        }
    }

    // The running step's start, ready instant and reason: what Fairness needs to count it before it ends.
    private long _stepStart;
    private long _stepReadyAt;
    private ReadyReason _stepReason;

    /// <summary>The simulated task whose step is running, or null between steps.</summary>
    public string? CurrentTaskName => _running?.Name;

    internal string StrategyName { get; }

    internal long NowTicks => _now;

    internal int ReadyCount => _ready.Count;

    internal SimOptions Options => _options;

    /// <summary>Throws when called from another thread: the loop's state belongs to the thread that runs it.</summary>
    internal void EnsureOnLoopThread(string api)
    {
        if (Environment.CurrentManagedThreadId != _threadId)
        {
            throw ReportForeignThread(api);
        }
    }

    internal void Schedule(ScheduledEvent e, long delayTicks) => _events.Schedule(e, _now + delayTicks);

    internal SimTimer CreateTimer(TimerCallback callback, object? state)
    {
        EnsureOnLoopThread("TimeProvider.CreateTimer");
        return new SimTimer(this, _running ?? _loopTask, callback, state);
    }
}
