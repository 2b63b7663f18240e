namespace SimLoop.Scheduling;

/// <summary>
/// The default of exploration. Iteration 0 is the FIFO (asyncio) order, which also measures the program's shape;
/// then a fixed cycle of four: Random, deep PCT, PCT(3), deep PCT, where deep PCT's depth grows with the tasks
/// that compete (twice their number, from 3 to 20): PCT's change points park tasks, and a program of a hundred
/// tasks needs more of them parked than one of two, where extra change points only get in the way. PCT(1) is
/// gone (it is FIFO under random priorities and found nothing Random did not), and so is half of Random's share.
/// The arm of iteration i depends only on i and on the probe, which every worker and shard runs or reads alike,
/// never on what earlier iterations found: so results do not depend on Parallelism or sharding, and a replay
/// token (which names the concrete arm, e.g. pct20n794) replays its iteration exactly.
/// </summary>
internal sealed class PortfolioStrategy : Strategy
{
    /// <summary>Deep PCT's depth for many tasks: 19 change points.</summary>
    public const int MaxDepth = 20;

    public override string Name => "portfolio";

    internal override Scheduler CreateScheduler(ulong seed) => Strategy.Random.CreateScheduler(seed);

    internal override bool NeedsMeasuredDecisions => true;

    internal override Strategy ForIteration(int iteration, ProgramShape shape) => ((iteration - 1) % 4) switch
    {
        0 => Strategy.Random,
        2 => new PctStrategy(3, shape.Decisions),
        _ => new PctStrategy(DeepDepth(shape), shape.Decisions),
    };

    /// <summary>Twice the competing tasks, at least PCT(3)'s depth and at most <see cref="MaxDepth"/>.</summary>
    public static int DeepDepth(ProgramShape shape) => Math.Clamp(2 * shape.Tasks, 3, MaxDepth);
}
