using System.Diagnostics;
using System.Globalization;
using System.Text;
using SimLoop.Diagnostics;
using SimLoop.Loop;
using SimLoop.Tracing;

namespace SimLoop;

// Detecting and describing what ends a run early. The first failure wins; the pump stops at the next check.
public sealed partial class EventLoop
{
    private RunFailure? _failure;

    // Written by foreign threads (a continuation posted from the thread pool); read by the loop after each step.
    private RunFailure? _foreignFailure;

    // During a step the failing step is the one running; between steps it is the last one that ran.
    private string At => _inTimerCallback
        ? $"at virtual time {TimeFormat.Instant(Elapsed)} (in a timer callback, after step {_trace.Count - 1})"
        : _running is not null
        ? $"at virtual time {TimeFormat.Instant(Elapsed)} (step {_trace.Count})"
        : $"at virtual time {TimeFormat.Instant(Elapsed)} (after step {_trace.Count - 1})";

    private void Fail(RunFailure failure) => _failure ??= failure;

    private void FailMainException(Exception exception) => Fail(new RunFailure(
        FailureKind.Exception,
        $"main failed {At} with {exception.GetType().Name}: {exception.Message}",
        Why: null,
        Fix: null,
        exception,
        "main"));

    private void FailEscapedException(SimTask owner, Exception exception, string where) => Fail(new RunFailure(
        FailureKind.Exception,
        $"an exception escaped {where} of task '{owner.Name}' {At}: {exception.GetType().Name}: {exception.Message}",
        Why: "Exceptions of async Task methods travel with their task; one that reaches the loop comes from an async void method, " +
             "a timer callback or a SynchronizationContext.Post callback, and would crash a real process.",
        Fix: "Return Task instead of async void and await it, or catch the exception inside the callback.",
        exception,
        owner.Name));

    private void FailDeadlock()
    {
        var waiting = new StringBuilder("Waiting tasks:");
        string? onRealTimer = null;
        string? onRealThread = null;
        foreach (var task in _tasks.Where(task => !task.IsFinished))
        {
            var frames = AsyncStackWalker.Walk(task.Body);
            waiting.Append("\n  - ").Append(task.Name).Append(": ")
                .Append(frames.Count == 0 ? "not started" : "awaiting in " + string.Join(" -> ", frames));
            if (onRealTimer is null && frames.Count > 0 && frames[^1].StartsWith(AsyncStackWalker.RealTimer, StringComparison.Ordinal))
            {
                onRealTimer = task.Name;
            }

            if (onRealThread is null && frames.Count > 0 && frames[^1].StartsWith(AsyncStackWalker.OnRealThread, StringComparison.Ordinal))
            {
                onRealThread = task.Name;
            }
        }

        if (onRealThread is not null)
        {
            // Not a deadlock: what a task waits for runs (or ran) on a real thread; its report may still be on its way.
            // The headline names no task: which waiting task shows the escape depends on how far the real thread got.
            Fail(new RunFailure(
                FailureKind.UncontrolledConcurrency,
                $"the simulation is waiting for work that left the loop for a real thread {At}.\n\n{waiting}",
                Why: EscapeText.Why,
                Fix: EscapeText.Fix,
                TaskName: onRealThread,
                OnRealTime: true));
            return;
        }

        if (onRealTimer is not null)
        {
            // Not a deadlock: a real timer will fire, on a real thread, after real time. Name the escape instead.
            Fail(new RunFailure(
                FailureKind.UncontrolledConcurrency,
                $"task '{onRealTimer}' waits on a real timer {At}: a Task.Delay, WaitAsync or other timeout given no TimeProvider runs on the machine's clock, " +
                $"outside the simulation.\n\n{waiting}",
                Why: "A real timer fires after real time on a thread-pool thread: virtual time cannot jump over it, and when its continuation runs depends on the machine.",
                Fix: "Use await Sim.Delay(delay), or pass the simulation's clock: Task.Delay(delay, Sim.Time) (likewise CancellationTokenSource, PeriodicTimer, WaitAsync).",
                TaskName: onRealTimer,
                OnRealTime: true));
            return;
        }

        if (EscapeArrives())
        {
            // An escape reported from a real thread explains the stall better than "deadlock": TakeForeignFailure uses it.
            return;
        }

        Fail(new RunFailure(
            FailureKind.Deadlock,
            $"deadlock {At}: main has not finished, no continuation is ready and no timer is pending, so nothing can ever run again.\n\n{waiting}",
            Why: "Every unfinished task waits for something only another waiting task could provide: a lock taken in the opposite order, " +
                 "a signal nobody sends, a channel nobody writes or completes.",
            Fix: "Make sure every wait above has someone who completes it, or bound it with a timeout on virtual time " +
                 "(task.WaitAsync(timeout, Sim.Time)). If a task waits on a real thread or a real timer (Task.Run, Task.Delay without Sim.Time), " +
                 "the loop cannot see it: use Sim.ToThread and Sim.Delay instead."));
    }

    private void FailStepLimit()
    {
        var busiest = _trace.Tail(TraceRecorder.TailLength)
            .GroupBy(step => step.TaskId)
            .Select(group => (Name: TaskName(group.Key), Steps: group.Count()))
            .OrderByDescending(entry => entry.Steps)
            .ThenBy(entry => entry.Name, StringComparer.Ordinal)
            .First();
        var tail = (int)Math.Min(TraceRecorder.TailLength, _trace.Count);
        Fail(new RunFailure(
            FailureKind.StepLimit,
            string.Create(CultureInfo.InvariantCulture,
                $"step limit reached {At}: main has not finished after {_options.MaxSteps} steps (SimOptions.MaxSteps). Task '{busiest.Name}' ran {busiest.Steps} of the last {tail} steps."),
            Why: "A task that awaits in a loop without ever waiting for time or for another task (await Sim.Yield() in a while loop, " +
                 "a retry loop with no delay) keeps the loop busy forever: a livelock. Virtual time cannot move while something is always ready.",
            Fix: "Give the looping task a delay (await Sim.Delay(...)) or a stop condition; raise MaxSteps only if the run really needs more steps.",
            TaskName: busiest.Name));
    }

    private void FailTimeLimit(long due) => Fail(new RunFailure(
        FailureKind.TimeLimit,
        $"time limit reached {At}: the clock would move to {TimeFormat.Instant(TimeSpan.FromTicks(due))}, past SimOptions.MaxVirtualTime ({TimeFormat.Instant(_options.MaxVirtualTime)}), and main has not finished.",
        Why: "Virtual time moves whenever nothing is ready, so a run that keeps sleeping without finishing (a periodic timer nobody stops, " +
             "a retry loop that never gives up) would run forever in a blink.",
        Fix: "Stop the periodic work or give the retries an end; raise MaxVirtualTime if the scenario really lasts longer."));

    /// <summary>Code on another thread touched the loop where throwing would crash that thread: only record it.</summary>
    internal void NoteForeignThread(string api) => _ = ReportForeignThread(api);

    /// <summary>Code on another thread touched the loop: record it (first one wins) and hand the caller an exception.</summary>
    private InvalidOperationException ReportForeignThread(string api)
    {
        var failure = new RunFailure(
            FailureKind.UncontrolledConcurrency,
            $"{api} was called from thread {Environment.CurrentManagedThreadId}, not from the loop's thread {_threadId}. Caller:\n{CallerStack()}",
            Why: "Code running on a thread the simulation does not control (a Thread you started, a real timer's callback, work started before Sim.Run) " +
                 "called into the loop; its timing is real, not simulated, so runs are no longer reproducible.",
            Fix: EscapeText.Fix,
            OnRealTime: true);
        Interlocked.CompareExchange(ref _foreignFailure, failure, null);
        return new InvalidOperationException(failure.What);
    }

    private void ReportForeignPost(SendOrPostCallback callback, object? state)
    {
        // Tell a waiting deadlock check at once; describing the callback and capturing the stack take milliseconds.
        _escapeStarted = true;
        var failure = new RunFailure(
            FailureKind.UncontrolledConcurrency,
            $"a continuation of {AsyncStackWalker.DescribeCallback(callback, state)} was posted to the loop from thread {Environment.CurrentManagedThreadId}, " +
            $"not from the loop's thread {_threadId}. Posting stack:\n{CallerStack()}",
            Why: "The awaited operation completed on a thread the simulation does not control (a Thread you started, a real timer, work started " +
                 "before Sim.Run), so when this continuation runs depends on real time and the schedule can no longer be reproduced.",
            Fix: EscapeText.Fix,
            OnRealTime: true);
        Interlocked.CompareExchange(ref _foreignFailure, failure, null);
    }

    private static string CallerStack() => string.Join('\n', new StackTrace(2, fNeedFileInfo: true).ToString()
        .Split('\n').Select(line => line.TrimEnd()).Where(line => line.Length > 0 && !line.Contains(" SimLoop.", StringComparison.Ordinal)).Take(10));
}
