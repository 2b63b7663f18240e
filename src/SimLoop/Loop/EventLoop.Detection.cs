using System.Diagnostics;
using SimLoop.Diagnostics;
using SimLoop.Loop;

namespace SimLoop;

// Real code that breaks the simulation fails loudly: blocking waits on the loop thread, work escaping to real
// threads, steps that never return (watchdog), and exceptions nobody observed.
public sealed partial class EventLoop
{
    private readonly Thread _thread = Thread.CurrentThread;

    // Odd while a step runs; bumped twice per step. The watchdog thread compares snapshots; nothing else is read per step.
    private long _stepSerial;

    // Watchdog thread state (touched only by the watchdog thread).
    private long _watchedSerial;
    private long _stalledMilliseconds;
    private int _watchdogStage;
    private volatile bool _interruptSent;

    internal bool IsLoopThread => Environment.CurrentManagedThreadId == _threadId;

    /// <summary>Set by exploration when this loop runs on a worker thread the caller can abandon if a step never returns.</summary>
    internal Action<EventLoop>? AbandonStalled { get; set; }

    internal Exception ReportBlockingWait(StackTrace stack)
    {
        var (api, caller) = BlockingWaits.Describe(stack);
        var task = _running?.Name ?? _loopTask.Name;
        var failure = new RunFailure(
            FailureKind.BlockingWait,
            $"task '{task}' blocked the loop thread in {api} {At}. Called from:\n{caller}",
            Why: "The loop has one thread. A blocking wait on it (.Result, .Wait() or GetAwaiter().GetResult() on an unfinished task, SemaphoreSlim.Wait, " +
                 "Monitor.Wait, a contended lock) stops every other task, including the one that would end the wait: a real event loop would hang here.",
            Fix: "await instead of blocking (await task; await semaphore.WaitAsync()). If the call really blocks (a synchronous library), declare it with " +
                 "Sim.Block(duration), or move it off the loop with await Sim.ToThread(work, cost).",
            TaskName: task);
        Fail(failure);
        return new InvalidOperationException("SimLoop: " + failure.What);
    }

    /// <summary>
    /// Called by <see cref="RealThreadListener"/> on this loop's thread, inside the step (or the event firing) that
    /// queued work to the thread pool or armed a real timer: the run fails at this step, before any real thread ran.
    /// </summary>
    internal void ReportHandoff(RealWork work, int dueMilliseconds, string? because = null, bool onRealTime = false)
    {
        if (!_options.DetectEscapes || _failure is not null || _finished)
        {
            return;
        }

        var (what, fix, caller) = Handoffs.Describe(work, dueMilliseconds, new StackTrace(1, fNeedFileInfo: true));
        if (work == RealWork.ThreadPool && _options.RejectThreadPoolWork)
        {
            fix += " Or turn SimOptions.RejectThreadPoolWork off: SimLoop then runs such work as a step of the task that queued it.";
        }

        fix += " " + Handoffs.SeeAlso(work);
        var task = _running?.Name ?? _loopTask.Name;
        var headline = _running is null ? "the loop handed work to a real thread" : $"task '{task}' handed work to a real thread";
        Fail(new RunFailure(
            FailureKind.UncontrolledConcurrency,
            $"{headline} {At}: {what}{because}. Called from:\n{caller}",
            Why: EscapeText.Why,
            Fix: fix,
            TaskName: task,
            OnRealTime: onRealTime));
    }

    // Set by the foreign thread the moment it starts simulation code, before it spends time describing what it saw.
    private volatile bool _escapeStarted;

    /// <summary>Called on the foreign thread by <see cref="EscapeDetector"/> as soon as escaped code starts there.</summary>
    internal void NoteEscapeStarted() => _escapeStarted = true;

    /// <summary>Called on the foreign thread by <see cref="EscapeDetector"/>; the first report wins.</summary>
    internal void ReportEscape(string how)
    {
        if (_finished)
        {
            return;
        }

        Interlocked.CompareExchange(ref _foreignFailure, new RunFailure(
            FailureKind.UncontrolledConcurrency,
            $"code of the simulation ran on a real thread: {how}.",
            Why: EscapeText.Why,
            Fix: EscapeText.Fix,
            OnRealTime: true), null);
    }

    /// <summary>Runs on the watchdog thread every <paramref name="elapsedMilliseconds"/>.</summary>
    internal void WatchdogTick(long elapsedMilliseconds)
    {
        var serial = Volatile.Read(ref _stepSerial);
        if (serial != _watchedSerial || (serial & 1) == 0)
        {
            _watchedSerial = serial;
            _stalledMilliseconds = 0;
            return;
        }

        _stalledMilliseconds += elapsedMilliseconds;
        var timeout = (long)_options.WatchdogTimeout.TotalMilliseconds;
        if (_watchdogStage == 0 && _stalledMilliseconds >= timeout)
        {
            _watchdogStage = 1;
            Interlocked.CompareExchange(ref _foreignFailure, StalledStep(), null);

            // Thread.Sleep, Monitor.Enter and other interruptible blocking calls throw ThreadInterruptedException now.
            _interruptSent = true;
            _thread.Interrupt();
        }
        else if (_watchdogStage == 1 && _stalledMilliseconds >= 2 * timeout)
        {
            // Still running: a busy loop nothing can interrupt (.NET cannot abort a thread).
            _watchdogStage = 2;
            var message = FailureReport.Compose(_foreignFailure!, Seed, StrategyName, _plan.Token(_decisions), _plan.Iteration, BuildTrace(), model: _options.LoopModel);
            if (AbandonStalled is { } abandon)
            {
                abandon(this);
            }
            else
            {
                const string Last = "\n\nThe step is still running and .NET cannot stop a thread, so SimLoop ends the process rather than hang it.";
                Console.Error.WriteLine(message + Last);
                Environment.FailFast(message + Last);
            }
        }
    }

    private RunFailure StalledStep()
    {
        var task = _running?.Name ?? _loopTask.Name;
        return new RunFailure(
            FailureKind.Hang,
            $"task '{task}' has not returned to the loop for {Tracing.TimeFormat.Duration(_options.WatchdogTimeout)} of real time: step {_trace.Count}, " +
            $"started at virtual time {Tracing.TimeFormat.Instant(Elapsed)}, is still running (SimOptions.WatchdogTimeout).",
            Why: "The loop runs one step at a time and switches only at an await; a step that sleeps (Thread.Sleep) or computes without awaiting " +
                 "freezes every other task and virtual time with it (a `while True:` loop without an await, in asyncio's terms).",
            Fix: "Declare CPU work with Sim.Cpu(cost) and blocking calls with Sim.Block(duration), or move them to await Sim.ToThread(work, cost); " +
                 "give long loops an await. Raise WatchdogTimeout if a step really needs that much real time.",
            TaskName: task);
    }

    /// <summary>A pending interrupt must not leak into the caller's next blocking call.</summary>
    private void ClearInterrupt()
    {
        if (!_interruptSent)
        {
            return;
        }

        try
        {
            Thread.Sleep(0);
        }
        catch (ThreadInterruptedException)
        {
        }
    }

    // Thread-pool activity of the whole process when the run started: if it has not changed, nothing escaped.
    private long _poolActivityAtStart = -1;

    private int _busyPoolThreadsAtStart;

    private static long PoolActivity() => ThreadPool.CompletedWorkItemCount + ThreadPool.PendingWorkItemCount;

    // Work a pool thread has picked up but not finished is in neither counter above; the busy threads show it.
    private static int BusyPoolThreads()
    {
        ThreadPool.GetMaxThreads(out var max, out _);
        ThreadPool.GetAvailableThreads(out var available, out _);
        return max - available;
    }

    /// <summary>
    /// Before declaring a deadlock: work that escaped to the thread pool may not have started yet (its report comes
    /// when it starts), may run between leaving the pool's queue and restoring its context or posting back, or may
    /// be describing itself. Yield the processor once; while an escape has started, the pool has queued or finished
    /// anything since the run began, or more pool threads are busy than then, wait up to 100 ms for the report.
    /// Failure path only: a passing run never waits here.
    /// </summary>
    private bool EscapeArrives()
    {
        if (!_options.DetectEscapes)
        {
            return false;
        }

        Thread.Sleep(1);
        for (var i = 0; i < 100 && Volatile.Read(ref _foreignFailure) is null
            && (_escapeStarted || PoolActivity() != _poolActivityAtStart || BusyPoolThreads() > _busyPoolThreadsAtStart); i++)
        {
            Thread.Sleep(1);
        }

        return Volatile.Read(ref _foreignFailure) is not null;
    }

    /// <summary>A spawned task that failed while nobody observed its exception: asyncio's "Task exception was never retrieved".</summary>
    private void CheckUnobservedExceptions()
    {
        foreach (var task in _tasks)
        {
            if (task == _main || task.Completion is not { IsFaulted: true } completion || ExceptionObservation.IsObserved(completion))
            {
                continue;
            }

            var exception = completion.Exception!.InnerExceptions.Count == 1 ? completion.Exception.InnerException! : completion.Exception;
            Fail(new RunFailure(
                FailureKind.UnobservedException,
                $"task '{task.Name}' failed with {exception.GetType().Name}: {exception.Message}, and nobody observed the exception; the run ended {At}.",
                Why: "A fire-and-forget task's exception is lost: nothing awaited the task, read its Exception or waited on it, so the failure would go unnoticed " +
                     "in production (asyncio logs 'Task exception was never retrieved').",
                Fix: $"await the task returned by Sim.Spawn(\"{task.Name}\", ...) (or Task.WhenAll the tasks you spawn), or catch and handle the exception inside the task.",
                exception,
                task.Name));
            return;
        }
    }
}
