namespace SimLoop.Exploration;

/// <summary>
/// What each finished iteration left: its slot, trace hash and virtual time. Memory grows with the iterations
/// actually run (24 bytes each), never with the budget, so a budget of a hundred million costs nothing up front.
/// </summary>
internal sealed class IterationLedger
{
    private readonly Lock _lock = new();
    private readonly List<(int Slot, ulong Hash, long VirtualTicks)> _runs = [];
    private readonly HashSet<ulong> _distinct = [];

    public void Add(int slot, ulong hash, long virtualTicks)
    {
        lock (_lock)
        {
            _runs.Add((slot, hash, virtualTicks));
            _distinct.Add(hash);
        }
    }

    /// <summary>Distinct schedules among everything run so far (for progress reports).</summary>
    public int DistinctSoFar
    {
        get
        {
            lock (_lock)
            {
                return _distinct.Count;
            }
        }
    }

    /// <summary>Distinct schedules and total virtual time over the slots up to and including <paramref name="lastSlot"/>.</summary>
    public (int Distinct, TimeSpan VirtualTime) Summarise(int lastSlot)
    {
        lock (_lock)
        {
            var counted = _runs.Where(run => run.Slot <= lastSlot).ToList();
            return (counted.Select(run => run.Hash).Distinct().Count(), TimeSpan.FromTicks(counted.Sum(run => run.VirtualTicks)));
        }
    }
}
