namespace SimLoop.Scheduling;

/// <summary>
/// A sequential enumeration of schedules, each named by a prefix of decisions (the search's default beyond it:
/// FIFO for exhaustive search and delay bounding): the explorer asks for the next prefix, runs it with the
/// search's recording scheduler, and hands that scheduler back with the path the run took. Exhaustive DFS, iterative delay bounding and iterative
/// preemption bounding are the kinds; each search makes the scheduler that follows its prefixes.
/// </summary>
internal abstract class SystematicSearch
{
    /// <summary>The prefix of the next schedule to run, or null when the space this search covers is exhausted.</summary>
    public abstract IReadOnlyList<int>? Next();

    /// <summary>The scheduler that follows <paramref name="prefix"/>, then the search's default, recording the path it took.</summary>
    public virtual Scheduler SchedulerFor(ulong seed, IReadOnlyList<int> prefix) => new ExhaustiveStrategy.DfsScheduler(seed, prefix);

    /// <summary>The run of the prefix last returned by <see cref="Next"/> finished; <paramref name="scheduler"/> is the one <see cref="SchedulerFor"/> made for it.</summary>
    public abstract void Ran(Scheduler scheduler);

    /// <summary>Delay or preemption bounding: the highest bound all of whose schedules have run; null for searches without bounds.</summary>
    public virtual int? CompletedBound => null;

    /// <summary>What the bound counts, for the result's summary.</summary>
    public virtual string BoundUnit => "delays";
}
