namespace SimLoop;

/// <summary>Why a continuation became ready to run: recorded for every step in the trace and the fairness report.</summary>
public enum ReadyReason : byte
{
    /// <summary>The first step of <c>main</c> or of a task started with <see cref="Sim.Spawn(string, Func{Task})"/>.</summary>
    Spawn,

    /// <summary><see cref="Sim.Yield"/> or <c>Sim.Delay(TimeSpan.Zero)</c>: the task gave the loop back and queued itself behind everything ready.</summary>
    Yield,

    /// <summary>A timer became due (<see cref="Sim.Delay(TimeSpan, CancellationToken)"/> or a timer of <see cref="Sim.Time"/>); ready from its due time.</summary>
    Timer,

    /// <summary>A continuation posted to the loop's SynchronizationContext: an awaited task completed (or <c>Task.Yield()</c>).</summary>
    Continuation,

    /// <summary>A <see cref="Sim.ToThread(Action, TimeSpan)"/> job finished on the simulated worker pool; ready from its finish instant.</summary>
    Worker,

    /// <summary>
    /// Work the task queued to the real thread pool (Task.Run, a ConfigureAwait(false) continuation, a completion the
    /// runtime sends to the pool), run by the loop as a step of that task on the pool thread that picked it up.
    /// </summary>
    ThreadPool,
}
