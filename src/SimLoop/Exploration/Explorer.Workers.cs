using SimLoop.Diagnostics;
using SimLoop.Loop;
using SimLoop.Scheduling;

namespace SimLoop.Exploration;

// The iteration phase: slots (this shard's iteration indices in order) are handed out one at a time to worker
// threads. A worker stops taking slots beyond the first failing one, so every slot before it is always run:
// the first failure by index is the same as in a sequential run.
internal sealed partial class Explorer
{
    private int _nextSlot = -1;
    private int _endSlot;
    private int _firstFailingSlot = int.MaxValue;
    private int _slotsDone;
    private int _determinismChecks;
    private int _dfsSchedules;
    private Exception? _workerError;

    private ExplorationResult Explore()
    {
        var wallClock = StartWallClock();
        var exhausted = false;
        if (_search is not null)
        {
            exhausted = RunOnWorker(RunExhaustive, _ => false);
        }
        else
        {
            RunShard(wallClock);
        }

        if (_workerError is not null)
        {
            throw WorkerBug(_workerError);
        }

        var failures = AnalyseFailures();
        var firstSlot = Volatile.Read(ref _firstFailingSlot);
        var ran = _options.StopOnFirstFailure && firstSlot != int.MaxValue
            ? firstSlot + 1
            : _search is not null ? _dfsSchedules : Math.Min(_slotCount, Volatile.Read(ref _slotsDone));
        var (distinct, virtualTime) = _ledger.Summarise(ran - 1);
        return new ExplorationResult(ran, distinct, failures, wallClock.Elapsed, virtualTime, _baseSeed, _options.Strategy.Name, _shard, exhausted, _determinismChecks)
        {
            CompletedDelayBound = _search?.CompletedBound,
            BoundUnit = _search?.BoundUnit ?? "delays",
            Systematic = _search is not null,
        };
    }

    /// <summary>This shard's slots; a shard past the end of a small budget has none.</summary>
    private void RunShard(WallClock wallClock)
    {
        if (_slotCount == 0)
        {
            return;
        }

        // Iteration 0 first and alone: it measures the decision count the PCT iterations spread change points over.
        var ownsIterationZero = IterationOf(0) == 0;
        if (ownsIterationZero)
        {
            RunSlots(0, 1, 1, wallClock);
        }
        else if (_options.Strategy.NeedsMeasuredDecisions)
        {
            // This shard does not own iteration 0 but needs its measurement: run it, without counting it.
            var probe = PlanFor(0);
            RunOnWorker(stall => RunIteration(probe with { OnStall = stall }), stalled => stalled);
            _shape = ShapeOf(probe);
        }

        if (Volatile.Read(ref _firstFailingSlot) == int.MaxValue || !_options.StopOnFirstFailure)
        {
            RunSlots(ownsIterationZero ? 1 : 0, _slotCount, _options.Parallelism, wallClock);
        }
    }

    private void RunSlots(int fromSlot, int toSlot, int parallelism, WallClock wallClock)
    {
        _nextSlot = fromSlot - 1;
        _endSlot = toSlot;
        var workers = Math.Max(1, Math.Min(parallelism, toSlot - fromSlot));
        using var remaining = new CountdownEvent(workers);
        for (var w = 0; w < workers; w++)
        {
            var worker = new Worker(remaining);
            new Thread(() => Work(worker)) { IsBackground = true, Name = "SimLoop explorer " + w }.Start();
        }

        while (!remaining.Wait(_options.ProgressInterval))
        {
            ReportProgress(wallClock);
        }

        ReportProgress(wallClock);
    }

    private void Work(Worker worker)
    {
        try
        {
            while (_workerError is null && !_options.CancellationToken.IsCancellationRequested)
            {
                var slot = Interlocked.Increment(ref _nextSlot);
                if (slot >= _endSlot || (_options.StopOnFirstFailure && slot > Volatile.Read(ref _firstFailingSlot)))
                {
                    break;
                }

                var plan = PlanFor(IterationOf(slot)) with { OnStall = stalled => Abandon(worker, slot, stalled) };
                var loop = RunIteration(plan);
                if (slot == 0 && IterationOf(0) == 0)
                {
                    _shape = ShapeOf(plan);
                }

                Record(slot, loop, plan, instead: null);
                if (loop.Failure is null && ShouldCheck(IterationOf(slot)))
                {
                    CheckPassingIteration(slot, loop, plan);
                }

                Interlocked.Increment(ref _slotsDone);
            }
        }
        catch (Exception exception)
        {
            Interlocked.CompareExchange(ref _workerError, exception, null);
        }
        finally
        {
            worker.Finish();
        }
    }

    /// <summary>The watchdog found a step no interrupt can stop: count its failure and let the caller go on without this thread.</summary>
    private void Abandon(Worker worker, int slot, EventLoop stalled)
    {
        Record(slot, stalled, PlanFor(IterationOf(slot)), instead: stalled.PendingFailure);
        worker.Finish();
    }

    private void Record(int slot, EventLoop loop, RunPlan plan, RunFailure? instead)
    {
        _ledger.Add(slot, loop.TraceHash, loop.Elapsed.Ticks);
        var failure = instead ?? loop.Failure;
        if (failure is null)
        {
            return;
        }

        lock (_lock)
        {
            _failedRuns.Add(new FailedRun(slot, loop, plan, instead));
            if (slot < _firstFailingSlot)
            {
                Volatile.Write(ref _firstFailingSlot, slot);
            }
        }
    }

    private bool ShouldCheck(int iteration) =>
        _options.CheckDeterminism && _options.DeterminismCheckEvery > 0 && iteration % _options.DeterminismCheckEvery == 0;

    /// <summary>Systematic search (exhaustive, delay or preemption bounding): schedule after schedule on one thread, each following the next prefix.</summary>
    private bool RunExhaustive(Action<EventLoop> stall)
    {
        var strategy = _options.Strategy;
        var search = _search!;
        var limit = Math.Min(_options.Iterations, strategy.MaxSchedules);
        for (var i = 0; i < limit && !_options.CancellationToken.IsCancellationRequested; i++)
        {
            var prefix = search.Next();
            if (prefix is null)
            {
                return true;
            }

            var scheduler = search.SchedulerFor(_baseSeed, prefix);
            var slot = i;
            var plan = new RunPlan(_baseSeed, strategy, Iteration: i, RecordDecisions: true)
            {
                Scheduler = scheduler,
                OnStall = stalled =>
                {
                    _dfsSchedules = slot + 1;
                    Record(slot, stalled, new RunPlan(_baseSeed, strategy, stalled.Decisions?.ToList(), slot), stalled.PendingFailure);
                    stall(stalled);
                },
            };
            var loop = RunIteration(plan);
            _dfsSchedules = i + 1;
            Record(i, loop, new RunPlan(_baseSeed, strategy, loop.Decisions, i), instead: null);
            Interlocked.Increment(ref _slotsDone);
            if (loop.Failure is not null && _options.StopOnFirstFailure)
            {
                // Not handed to the search: its bounds stay the ones completed before this schedule.
                return false;
            }

            search.Ran(scheduler);
        }

        // The budget ran out; the space is exhausted only if nothing is left to run.
        return search.Next() is null;
    }

    private void ReportProgress(WallClock wallClock)
    {
        if (_options.Progress is not { } progress)
        {
            return;
        }

        var done = Volatile.Read(ref _slotsDone);
        var elapsed = wallClock.Elapsed;
        var distinct = _ledger.DistinctSoFar;
        int failures;
        lock (_lock)
        {
            failures = _failedRuns.Count;
        }

        progress.Report(new ExplorationProgress(done, _search is not null ? Math.Min(_options.Iterations, _options.Strategy.MaxSchedules) : _slotCount, elapsed.TotalSeconds <= 0 ? 0 : done / elapsed.TotalSeconds, elapsed, distinct, failures));
    }

    /// <summary>
    /// Runs <paramref name="run"/> on its own thread, so a step that never returns can be abandoned instead of
    /// hanging the caller: the run gets a stall callback for its plans, and <paramref name="onStalled"/> makes the result then.
    /// </summary>
    private static T RunOnWorker<T>(Func<Action<EventLoop>, T> run, Func<EventLoop, T> onStalled)
    {
        using var finished = new ManualResetEventSlim();
        T result = default!;
        Exception? error = null;
        EventLoop? stalled = null;
        var thread = new Thread(() =>
        {
            try
            {
                var value = run(loop =>
                {
                    Volatile.Write(ref stalled, loop);
                    finished.Set();
                });
                if (Volatile.Read(ref stalled) is null)
                {
                    result = value;
                }
            }
            catch (Exception exception)
            {
                error = exception;
            }
            finally
            {
                finished.Set();
            }
        }) { IsBackground = true, Name = "SimLoop explorer" };
        thread.Start();
        finished.Wait();
        if (Volatile.Read(ref stalled) is { } loop)
        {
            return onStalled(loop);
        }

        return error is null
            ? result
            : throw WorkerBug(error);
    }

    private static InvalidOperationException WorkerBug(Exception error) =>
        new("SimLoop: an exploration worker failed unexpectedly; this is a bug in SimLoop.", error);

    private sealed class Worker(CountdownEvent remaining)
    {
        private int _finished;

        public void Finish()
        {
            if (Interlocked.Exchange(ref _finished, 1) == 0)
            {
                remaining.Signal();
            }
        }
    }
}
