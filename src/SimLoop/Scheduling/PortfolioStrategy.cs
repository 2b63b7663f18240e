namespace SimLoop.Scheduling;

/// <summary>
/// The default of exploration. Iteration 0 is the FIFO (asyncio) order, which also measures the program's shape;
/// then cycles of four runs: one Random and three deep PCT, whose depth grows with the tasks that compete (twice
/// their number, from 3 to 20): PCT's change points park tasks, and a program of a hundred tasks needs more of them
/// parked than one of two. The Random run opens each cycle when more than two tasks compete (a race that any
/// interleaving of many tasks exposes is found by Random's first runs) and comes second when two do (there deep PCT,
/// at depth 4, is the likelier first find). Measured per run on the bug benchmarks (docs/exploration.md), deep PCT
/// is the strongest arm on most programs and within a few percent of PCT(3) where that one is stronger, so PCT(3)
/// has no share; Random is the strongest on a few races and the weakest on bugs that need tasks kept out of the way.
/// The arm of iteration i depends only on i and on the probe, which every worker and shard runs or reads alike,
/// never on what earlier iterations found: so results do not depend on Parallelism or sharding, and a replay
/// token (which names the concrete arm, e.g. pct20n794) replays its iteration exactly.
/// </summary>
internal sealed class PortfolioStrategy : Strategy
{
    /// <summary>Deep PCT's depth for many tasks: 19 change points.</summary>
    public const int MaxDepth = 20;

    /// <summary>Runs per cycle: one Random, the rest deep PCT.</summary>
    public const int Cycle = 4;

    public override string Name => "portfolio";

    internal override Scheduler CreateScheduler(ulong seed) => Strategy.Random.CreateScheduler(seed);

    internal override bool NeedsMeasuredDecisions => true;

    internal override Strategy ForIteration(int iteration, ProgramShape shape) =>
        (iteration - 1) % Cycle == RandomSlot(shape)
            ? Strategy.Random
            : new PctStrategy(DeepDepth(shape), shape.Decisions);

    /// <summary>Twice the competing tasks, at least 3 and at most <see cref="MaxDepth"/>.</summary>
    public static int DeepDepth(ProgramShape shape) => Math.Clamp(2 * shape.Tasks, 3, MaxDepth);

    /// <summary>Where the Random run sits in the cycle: first when more than two tasks compete, second when two do.</summary>
    public static int RandomSlot(ProgramShape shape) => shape.Tasks > 2 ? 0 : 1;
}
