namespace SimLoop.NUnit;

/// <summary>The exploration strategy of a <see cref="SimTestAttribute"/> (see <see cref="SimLoop.Strategy"/>).</summary>
public enum SimStrategy
{
    /// <summary>Iteration 0 in FIFO order, then Random and PCT (depths 1 to 3) alternating. The default.</summary>
    Portfolio,

    /// <summary>asyncio's order only (every iteration is the same schedule unless the test draws Sim.Chance/Choose).</summary>
    Fifo,

    /// <summary>Uniform over the ready continuations at every step.</summary>
    Random,

    /// <summary>Probabilistic Concurrency Testing with <see cref="SimTestAttribute.PctDepth"/>.</summary>
    Pct,

    /// <summary>Depth-first over every decision, never repeating a schedule, up to Iterations schedules.</summary>
    Exhaustive,
}
