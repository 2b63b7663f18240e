namespace SimLoop;

/// <summary>What made a simulated run fail.</summary>
public enum FailureKind
{
    /// <summary>The test threw (main, or a task main awaited, or an exception escaped a step).</summary>
    Exception,

    /// <summary>Nothing is ready, no timer is pending, and main has not finished: nothing can ever run again.</summary>
    Deadlock,

    /// <summary>The run needed more than <see cref="SimOptions.MaxSteps"/> steps: a livelock or an endless loop of awaits.</summary>
    StepLimit,

    /// <summary>The virtual clock would pass <see cref="SimOptions.MaxVirtualTime"/>.</summary>
    TimeLimit,

    /// <summary>Work left the loop for a real thread (Task.Run, ConfigureAwait(false), a real timer): the simulation cannot control it.</summary>
    UncontrolledConcurrency,

    /// <summary>The loop thread blocked on a real wait (.Result, .Wait(), a contended lock, Thread.Sleep).</summary>
    BlockingWait,

    /// <summary>A spawned task failed and nobody observed its exception (asyncio's "Task exception was never retrieved").</summary>
    UnobservedException,

    /// <summary>The same seed produced two different runs: something outside the simulation fed a decision.</summary>
    Nondeterminism,

    /// <summary>A step did not return to the loop within <see cref="SimOptions.WatchdogTimeout"/> of real time (Thread.Sleep, a busy loop).</summary>
    Hang,

    /// <summary>
    /// The run's final fairness report broke a bound of the options (<see cref="SimOptions.MaxLoopLag"/>,
    /// <see cref="SimOptions.MaxSchedulingDelay"/>, <see cref="SimOptions.FailOnSlowSteps"/>).
    /// </summary>
    FairnessViolation,
}
