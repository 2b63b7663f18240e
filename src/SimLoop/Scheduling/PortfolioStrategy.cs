namespace SimLoop.Scheduling;

/// <summary>
/// The default of exploration: after iteration 0 (FIFO, which also measures the decisions PCT needs), iterations alternate between
/// Random and PCT with depths 1, 2, 3 (random, pct1, random, pct2, random, pct3, ...). Random finds shallow races
/// fast; PCT finds bugs that need a few specific preemptions. A single run outside exploration is a random run.
/// </summary>
internal sealed class PortfolioStrategy : Strategy
{
    public override string Name => "portfolio";

    internal override Scheduler CreateScheduler(ulong seed) => Strategy.Random.CreateScheduler(seed);

    internal override bool NeedsMeasuredDecisions => true;

    internal override Strategy ForIteration(int iteration, ProgramShape shape)
    {
        var j = iteration - 1;
        return j % 2 == 0
            ? Strategy.Random
            : new PctStrategy(1 + (j / 2 % 3), shape.Decisions);
    }
}
