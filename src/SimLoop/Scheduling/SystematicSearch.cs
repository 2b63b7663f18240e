namespace SimLoop.Scheduling;

/// <summary>
/// A sequential enumeration of schedules, each named by a prefix of decisions (index 0, FIFO, beyond it): the
/// explorer asks for the next prefix, runs it with a recording scheduler, and hands back the path the run took
/// (choice and branching factor at every decision). Exhaustive DFS and iterative delay bounding are the two kinds.
/// </summary>
internal abstract class SystematicSearch
{
    /// <summary>The prefix of the next schedule to run, or null when the space this search covers is exhausted.</summary>
    public abstract IReadOnlyList<int>? Next();

    /// <summary>The run of the prefix last returned by <see cref="Next"/> took <paramref name="path"/>.</summary>
    public abstract void Ran(IReadOnlyList<(int Choice, int Count)> path);

    /// <summary>Delay bounding: the highest bound all of whose schedules have run; null for searches without bounds.</summary>
    public virtual int? CompletedBound => null;
}
