using SimLoop.Loop;

namespace SimLoop.Scheduling;

/// <summary>
/// One decision of a preemption-bounded run: the rank taken, the number of candidates, and how many ranks are
/// free because they run the task whose step just ran (rank 0 is its first ready continuation). FreeRanks 0 marks
/// a decision that is no preemption point: that task is not ready (it awaits, or it completed), an event order, or
/// a Sim.Choose/Chance; there rank j is index j.
/// </summary>
internal readonly record struct PreemptionPoint(int Rank, int Count, int FreeRanks);

/// <summary>
/// Follows a prefix of ranks, then the non-preemptive default: keep running the task whose step just ran if it is
/// ready, else FIFO (index 0). At a preemption point the ranks are the continuations of that task first (in queue
/// order), then the others in queue order, so rank 0 never preempts and every rank from FreeRanks on does.
/// Records every decision for <see cref="PreemptionLevels"/>.
/// </summary>
internal sealed class PreemptionScheduler(ulong seed, IReadOnlyList<int> prefix) : Scheduler(seed)
{
    private readonly List<PreemptionPoint> _path = [];

    public IReadOnlyList<PreemptionPoint> Path => _path;

    public override int PickReady(ReadyQueue ready)
    {
        var last = ready.LastTakenId;
        var own = 0;
        for (var i = 0; i < ready.Count; i++)
        {
            if (ready[i].Owner.Id == last)
            {
                own++;
            }
        }

        var rank = Next(ready.Count, own);
        if (own == 0)
        {
            return rank;
        }

        // Rank r < own is the last task's r-th continuation; rank r >= own the (r - own)-th of the other tasks'.
        var wantOwn = rank < own;
        var skip = wantOwn ? rank : rank - own;
        for (var i = 0; ; i++)
        {
            if ((ready[i].Owner.Id == last) == wantOwn && skip-- == 0)
            {
                return i;
            }
        }
    }

    public override int PickEvent(int count) => Next(count, freeRanks: 0);

    public override int Choose(int count) => Next(count, freeRanks: 0);

    public override bool Chance(double probability) => Next(2, freeRanks: 0) == 1;

    private int Next(int count, int freeRanks)
    {
        var rank = _path.Count < prefix.Count && prefix[_path.Count] < count ? prefix[_path.Count] : 0;
        _path.Add(new PreemptionPoint(rank, count, freeRanks));
        return rank;
    }
}
