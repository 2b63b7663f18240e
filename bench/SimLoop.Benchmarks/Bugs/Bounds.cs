using SimLoop.Scheduling;

namespace SimLoop.Benchmarks.Bugs;

/// <summary>
/// The fewest expected iterations any plan of the measured arms can reach on one program, by what its iteration
/// 0 is. The arms that need the probe's shape (PCT, delays) cannot run before a probe, so iteration 0 is either the
/// FIFO order (which then needs at least 1 + 1 / best rate when FIFO passes: every later iteration finds the bug
/// with at most the best arm's rate) or a random run (then at least 1 + (1 - its rate) x what is left: 1 if the
/// FIFO order fails, else 1 / best rate).
/// </summary>
internal static class Bounds
{
    public static (double FifoFirst, double SampleFirst) Of(ArmRates rates, IReadOnlyList<Strategy> arms, int budget)
    {
        var best = arms.Max(a => rates.Of(a).Bug);
        var after = best == 0 ? budget : Math.Min(budget, 1 / best);
        var fifoFirst = rates.FifoFails ? 1 : 1 + after;
        var sampleFirst = 1 + ((1 - rates.Of(Strategy.Random).Bug) * (rates.FifoFails ? 1 : after));
        return (fifoFirst, sampleFirst);
    }
}
