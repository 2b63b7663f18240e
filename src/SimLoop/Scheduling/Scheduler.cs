using SimLoop.Loop;
using SimLoop.Random;

namespace SimLoop.Scheduling;

/// <summary>
/// The decisions of one run. The loop asks only when there is a real choice (two or more candidates), so a run
/// with a single candidate at every point draws nothing. Each domain (ready order, same-instant events,
/// Sim.Chance/Choose) has its own generator derived from the run's seed, so adding a Chance call to a test does
/// not reshuffle its schedules.
/// </summary>
internal abstract class Scheduler
{
    private Xoshiro256StarStar _choices;

    protected Scheduler(ulong seed) => _choices = new Xoshiro256StarStar(SeedStreams.Derive(seed, SeedStreams.Choices));

    /// <summary>Index into the ready queue (insertion order) of the continuation to run next; called with Count &gt;= 2.</summary>
    public abstract int PickReady(ReadyQueue ready);

    /// <summary>Index of the event to fire next among the <paramref name="count"/> events due at the same instant, in creation order; count &gt;= 2.</summary>
    public abstract int PickEvent(int count);

    /// <summary>Sim.Choose: uniform in [0, count), count &gt;= 2.</summary>
    public virtual int Choose(int count) => _choices.NextInt(count);

    /// <summary>Sim.Chance with 0 &lt; probability &lt; 1.</summary>
    public virtual bool Chance(double probability) => _choices.NextDouble() < probability;
}
