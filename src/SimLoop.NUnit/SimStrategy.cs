namespace SimLoop.NUnit;

/// <summary>The exploration strategy of a <see cref="SimTestAttribute"/> (see <see cref="SimLoop.Strategy"/>).</summary>
public enum SimStrategy
{
    /// <summary>Iteration 0 in FIFO order, then cycles of one Random and three deep PCT runs (depth from the task count). The default.</summary>
    Portfolio,

    /// <summary>asyncio's order only (every iteration is the same schedule unless the test draws Sim.Chance/Choose).</summary>
    Fifo,

    /// <summary>Uniform over the ready continuations at every step.</summary>
    Random,

    /// <summary>Probabilistic Concurrency Testing with <see cref="SimTestAttribute.PctDepth"/>.</summary>
    Pct,

    /// <summary>Depth-first over every decision, never repeating a schedule, up to Iterations schedules.</summary>
    Exhaustive,

    /// <summary>Iterative delay bounding: FIFO, then every schedule with 1 delay, 2 delays, ..., up to Iterations schedules.</summary>
    DelayBounded,

    /// <summary>FIFO with 2 delays at random points (SIMLOOP_STRATEGY=delay&lt;n&gt; for another number).</summary>
    RandomDelays,

    /// <summary>Iterative preemption bounding: each task runs on until it awaits, then every schedule with 1 preemption, 2 preemptions, ..., up to Iterations schedules.</summary>
    PreemptionBounded,
}
