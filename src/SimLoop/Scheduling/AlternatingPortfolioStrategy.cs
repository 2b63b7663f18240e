namespace SimLoop.Scheduling;

/// <summary>
/// The portfolio SimLoop shipped first: after iteration 0 (FIFO), random, pct1, random, pct2, random, pct3, ...
/// No longer a choice users make: the benchmarks run it as the baseline the current portfolio is measured against.
/// </summary>
internal sealed class AlternatingPortfolioStrategy : Strategy
{
    public override string Name => "portfolio-alternating";

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
