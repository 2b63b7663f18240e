namespace SimLoop.Scheduling;

/// <summary>
/// The level-by-level enumeration of iterative delay bounding (<see cref="DelayLevels"/>) and preemption bounding
/// (<see cref="PreemptionLevels"/>). A schedule is its list of deviations (nonzero ranks) from the search's
/// default (FIFO; for preemption bounding, keep running the last task); its parent is the schedule without its
/// last deviation, its cost the sum of its deviations' costs. Rank j costs j at a decision without free ranks (a
/// delay: the j continuations ahead of it are skipped); at a preemption point the ranks that keep the last task
/// running cost 0 and every other costs 1. Level b runs, for every run of cost c &lt;= b (those of cost b included
/// as they are added) and every decision after its last deviation, each rank that costs exactly b - c there;
/// zero-cost ranks make a level grow while it runs. Each run keeps its prefix and the candidates beyond it, so a
/// level is generated from runs alone, in run order, then decision order, then rank order, and no schedule runs
/// twice.
/// </summary>
internal abstract class BoundedLevels : SystematicSearch
{
    private readonly List<Run> _runs = [];
    private int _bound;
    private int _parent;
    private int _position;
    private int _rank;
    private int _reach;
    private IReadOnlyList<int>? _pending = [];
    private int _completed = -1;

    public override int? CompletedBound => _completed < 0 ? null : _completed;

    public override IReadOnlyList<int>? Next() => _pending;

    public override void Ran(Scheduler scheduler)
    {
        var prefix = _pending ?? throw new InvalidOperationException("Ran was called after the search was exhausted.");
        var path = PathOf(scheduler);
        var cost = 0;
        for (var j = 0; j < prefix.Count && j < path.Count; j++)
        {
            cost += CostOf(path[j].Rank, path[j].Count, path[j].FreeRanks);
        }

        // Counts are capped (ranks beyond 65,535 candidates are never tried): the space stays finite and small.
        var beyond = new (ushort Count, ushort FreeRanks)[Math.Max(0, path.Count - prefix.Count)];
        for (var j = 0; j < beyond.Length; j++)
        {
            var point = path[prefix.Count + j];
            var count = Math.Min(point.Count, ushort.MaxValue);
            beyond[j] = ((ushort)count, (ushort)Math.Min(point.FreeRanks, count));
            _reach = Math.Max(_reach, cost + CostOf(count - 1, count, beyond[j].FreeRanks));
        }

        _runs.Add(new Run(prefix, cost, beyond));
        _pending = FindNext();
    }

    /// <summary>The decisions the run took, each with its rank, candidates and free ranks (0 where rank j costs j).</summary>
    protected abstract IReadOnlyList<PreemptionPoint> PathOf(Scheduler scheduler);

    private static int CostOf(int rank, int count, int freeRanks) =>
        freeRanks > 0 ? (rank < freeRanks ? 0 : 1) : Math.Min(rank, count - 1);

    /// <summary>The ranks [From, To) that cost exactly <paramref name="cost"/> at a decision, rank 0 (the default) excluded.</summary>
    private static (int From, int To) RanksCosting(int cost, int count, int freeRanks) =>
        freeRanks > 0 ? cost switch { 0 => (1, freeRanks), 1 => (freeRanks, count), _ => (0, 0) }
        : cost >= 1 && cost < count ? (cost, cost + 1) : (0, 0);

    private List<int>? FindNext()
    {
        while (true)
        {
            // Runs added while this level is generated (cost _bound) are parents of its zero-cost deviations.
            for (; _parent < _runs.Count; _parent++, _position = 0, _rank = 0)
            {
                var run = _runs[_parent];
                var delta = _bound - run.Cost;
                for (; _position < run.Beyond.Length; _position++, _rank = 0)
                {
                    var (count, freeRanks) = run.Beyond[_position];
                    var (from, to) = RanksCosting(delta, count, freeRanks);
                    _rank = Math.Max(_rank, from);
                    if (_rank < to)
                    {
                        var prefix = new List<int>(run.Prefix.Count + _position + 1);
                        prefix.AddRange(run.Prefix);
                        prefix.AddRange(Enumerable.Repeat(0, _position));
                        prefix.Add(_rank);
                        _rank++;
                        return prefix;
                    }
                }
            }

            // Every schedule of cost _bound has been handed out (and, sequentially, run).
            _completed = _bound;
            if (_bound >= _reach)
            {
                return null;
            }

            _bound++;
            _parent = 0;
            _position = 0;
            _rank = 0;
        }
    }

    private sealed record Run(IReadOnlyList<int> Prefix, int Cost, (ushort Count, ushort FreeRanks)[] Beyond);
}
