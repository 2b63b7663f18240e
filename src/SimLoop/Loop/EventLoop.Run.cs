using SimLoop.Diagnostics;
using SimLoop.Fairness;
using SimLoop.Loop;
using SimLoop.Scheduling;
using SimLoop.Tracing;

namespace SimLoop;

// Starting a run, ending it, and turning the loop's state into a SimResult or a SimFailure.
public sealed partial class EventLoop
{
    private readonly FairnessTracker _fairness;
    private readonly List<int>? _decisions;
    private readonly RunPlan _plan;

    /// <summary>The decisions taken so far, when the plan asked for them to be recorded.</summary>
    internal IReadOnlyList<int>? Decisions => _decisions;

    internal ulong TraceHash => _trace.Hash;

    internal bool ReplayDiverged => _scheduler is ReplayScheduler { Diverged: true };

    /// <summary>Runs <paramref name="main"/> on a fresh loop on the calling thread and returns how it ended; never throws for a failed run.</summary>
    internal static EventLoop Execute(Func<Task> main, SimOptions options, RunPlan plan)
    {
        if (t_current is { } running)
        {
            throw new InvalidOperationException(
                $"Sim.Run was called inside a running simulation (task '{running.CurrentTaskName ?? "(between steps)"}', " +
                $"at virtual time {TimeFormat.Instant(running.Elapsed)}). A thread runs one event loop at a time, as asyncio allows one running loop: " +
                "await the code directly, or start it with Sim.Spawn to run it concurrently.");
        }

        if (options.DetectEscapes)
        {
            RealThreadListener.EnsureListening();
        }

        var loop = new EventLoop(options, plan) { AbandonStalled = plan.OnStall };
        var callerContext = SynchronizationContext.Current;
        var watched = options.WatchdogTimeout != Timeout.InfiniteTimeSpan;
        t_current = loop;
        if (options.DetectEscapes)
        {
            loop._poolActivityAtStart = PoolActivity();
            loop._busyPoolThreadsAtStart = BusyPoolThreads();
            EscapeDetector.Enter(loop);
        }

        if (watched)
        {
            Watchdog.Register(loop);
        }

        try
        {
            SynchronizationContext.SetSynchronizationContext(loop._betweenSteps);
            loop.StartMain(main);
            if (loop.IsAsyncioModel)
            {
                loop.PumpAsyncio();
            }
            else
            {
                loop.Pump();
            }

            loop.TakeForeignFailure();
            if (loop._failure is null)
            {
                loop.FinishMain();
            }

            loop.TakeForeignFailure();
            if (loop._failure is null && FairnessBounds.Any(options))
            {
                loop._failure = FairnessBounds.Check(loop.BuildFairness(), options);
            }
        }
        finally
        {
            // The caller's context first: what follows takes locks, and a wait under the loop's context would be
            // judged as a blocking wait of the simulation.
            SynchronizationContext.SetSynchronizationContext(callerContext);
            loop._finished = true;
            if (watched)
            {
                Watchdog.Unregister(loop);
            }

            if (options.DetectEscapes)
            {
                EscapeDetector.Exit();
            }

            loop.ReleasePoolWork();

            loop.ClearInterrupt();
            t_current = null;
        }

        return loop;
    }

    internal RunFailure? Failure => _failure;

    /// <summary>The failure so far, including one a foreign thread (the watchdog, an escape) has reported but the loop has not yet taken.</summary>
    internal RunFailure? PendingFailure => _failure ?? Volatile.Read(ref _foreignFailure);

    internal Task? MainBody => _main.Body;

    internal SimResult ToResult() => new(
        Elapsed,
        _trace.Count,
        Seed,
        StrategyName,
        _plan.Token(_decisions),
        BuildFairness(),
        BuildTrace(),
        CancelledTaskNames());

    /// <summary>Decision points where the strategy picked among two or more ready continuations (what PCT spreads its change points over).</summary>
    internal int ReadyDecisions => _readyDecisions;

    internal SimFailure ToFailure(int iteration, string? extra = null, RunFailure? instead = null)
    {
        var failure = instead ?? _failure ?? throw new InvalidOperationException("The run did not fail.");
        var token = _plan.Token(_decisions);
        var trace = BuildTrace();
        var message = FailureReport.Compose(failure, Seed, StrategyName, token, _plan.Iteration, trace, extra, _options.LoopModel);
        return new SimFailure(failure.Kind, Seed, token, iteration, message, failure.Exception, trace, failure.TaskName, failure.What, failure.Why, failure.Fix, extra)
        {
            Fairness = BuildFairness(),
            Strategy = StrategyName,
        };
    }

    internal Trace BuildTrace() => _trace.ToTrace(TaskName);

    internal FairnessReport BuildFairness() => BuildFairness(running: null);

    /// <summary>The report; with <paramref name="running"/>, as if the step that task is running ended now.</summary>
    private FairnessReport BuildFairness(SimTask? running)
    {
        var tasks = _tasks.Select(ToStats).ToList();
        if (_loopTask.Steps > 0 || running == _loopTask)
        {
            tasks.Insert(0, ToStats(_loopTask));
        }

        var loopBusy = _fairness.LoopBusy;
        var maxLoopLag = _fairness.MaxLoopLag;
        IReadOnlyList<SlowStep> slowSteps = _fairness.SlowSteps;
        if (running is not null)
        {
            // The same arithmetic as FairnessTracker.Account, applied to a copy: the running step is not accounted yet.
            var delay = _stepStart - _stepReadyAt;
            var timer = _stepReason == ReadyReason.Timer;
            var cost = _stepCpu + _stepBlock;
            var at = tasks.FindIndex(t => t.Name == running.Name);
            var t = tasks[at];
            tasks[at] = t with
            {
                Steps = t.Steps + 1,
                CpuTime = t.CpuTime + TimeSpan.FromTicks(_stepCpu),
                BlockTime = t.BlockTime + TimeSpan.FromTicks(_stepBlock),
                MaxSchedulingDelay = TimeSpan.FromTicks(Math.Max(t.MaxSchedulingDelay.Ticks, delay)),
                TotalSchedulingDelay = t.TotalSchedulingDelay + TimeSpan.FromTicks(delay),
                MaxTimerLateness = timer ? TimeSpan.FromTicks(Math.Max(t.MaxTimerLateness.Ticks, delay)) : t.MaxTimerLateness,
                TimerWakeups = t.TimerWakeups + (timer ? 1 : 0),
            };
            loopBusy += cost;
            maxLoopLag = timer ? Math.Max(maxLoopLag, delay) : maxLoopLag;
            if (cost > 0 && cost >= _options.SlowStepThreshold.Ticks)
            {
                slowSteps = [.. slowSteps, new SlowStep(TimeSpan.FromTicks(_stepStart), TimeSpan.FromTicks(cost), running.Name, _longestLabel, _longestKind)];
            }
        }

        var elapsed = Elapsed;
        var pool = new WorkerPoolStats(
            _pool.Workers,
            _pool.Jobs,
            TimeSpan.FromTicks(_pool.BusyTicks),
            TimeSpan.FromTicks(_pool.TotalQueueDelay),
            TimeSpan.FromTicks(_pool.MaxQueueDelay),
            elapsed <= TimeSpan.Zero ? 0 : (double)_pool.BusyTicks / (_pool.Workers * (double)elapsed.Ticks));
        return new FairnessReport(tasks, elapsed, TimeSpan.FromTicks(loopBusy), TimeSpan.FromTicks(maxLoopLag), slowSteps, _options.SlowStepThreshold, pool);
    }

    private static TaskStats ToStats(SimTask t) => new(
        t.Name,
        t.Steps,
        TimeSpan.FromTicks(t.CpuTicks),
        TimeSpan.FromTicks(t.BlockTicks),
        TimeSpan.FromTicks(t.MaxSchedulingDelay),
        TimeSpan.FromTicks(t.TotalSchedulingDelay),
        TimeSpan.FromTicks(t.MaxTimerLateness),
        t.TimerWakeups,
        t.WorkerJobs,
        TimeSpan.FromTicks(t.WorkerTicks),
        TimeSpan.FromTicks(t.MaxQueueDelay));

    /// <summary>Main's task finished: a failure if it faulted or was cancelled, else asyncio.run's clean-up.</summary>
    private void FinishMain()
    {
        var body = _main.Body!;
        if (body.IsFaulted || body.IsCanceled)
        {
            var exception = body.IsFaulted
                ? body.Exception!.InnerExceptions.Count == 1 ? body.Exception.InnerException! : body.Exception
                : new OperationCanceledException("main was cancelled.");
            FailMainException(exception);
            return;
        }

        ShutDown();
        if (_failure is null)
        {
            CheckUnobservedExceptions();
        }
    }

    private void TakeForeignFailure()
    {
        if (Volatile.Read(ref _foreignFailure) is { } foreign)
        {
            // Real concurrency (or a stalled step) invalidates everything after it: it wins over what the loop saw later,
            // including the exception a watchdog interrupt or an escaped continuation caused. The exception: an escape
            // the loop itself recognised (a task waiting on a real thread) keeps its text, which does not depend on timing.
            _failure = _failure is { Kind: FailureKind.UncontrolledConcurrency } ? _failure : foreign;
        }
    }

    private int RecordDecision(int chosen, int count)
    {
        if ((uint)chosen >= (uint)count)
        {
            throw new InvalidOperationException($"Strategy '{StrategyName}' chose index {chosen} among {count} candidates; this is a bug in the strategy.");
        }

        _decisions?.Add(chosen);
        return chosen;
    }
}
