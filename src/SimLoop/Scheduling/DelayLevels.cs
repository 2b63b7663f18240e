namespace SimLoop.Scheduling;

/// <summary>
/// The enumeration of <see cref="DelayBoundedStrategy"/>, level by level. A schedule is its list of deviations
/// from FIFO; its parent is the schedule without its last deviation, and its cost the sum of its deviations. The
/// schedules of cost b are therefore, for every schedule already run of cost c &lt; b and every decision after its
/// last deviation whose branching factor exceeds b - c, that schedule with index b - c at that decision. Each
/// run keeps its prefix and the branching factors beyond it (capped at 255: no bound reaches that far), so level
/// b is generated from runs alone, in run order and then decision order.
/// </summary>
internal sealed class DelayLevels : SystematicSearch
{
    private const int CountCap = byte.MaxValue;
    private readonly List<Run> _runs = [];
    private int _bound;
    private int _levelEnd;
    private int _parent;
    private int _position;
    private int _reach;
    private IReadOnlyList<int>? _pending = [];
    private int _completed = -1;

    public override int? CompletedBound => _completed < 0 ? null : _completed;

    public override IReadOnlyList<int>? Next() => _pending;

    public override void Ran(Scheduler scheduler) => Ran(((ExhaustiveStrategy.DfsScheduler)scheduler).Path);

    /// <summary>The run of the prefix last returned by <see cref="Next"/> took <paramref name="path"/>.</summary>
    public void Ran(IReadOnlyList<(int Choice, int Count)> path)
    {
        var prefix = _pending ?? throw new InvalidOperationException("Ran was called after the search was exhausted.");
        var cost = 0;
        foreach (var choice in prefix)
        {
            cost += choice;
        }

        var beyond = new byte[Math.Max(0, path.Count - prefix.Count)];
        for (var j = 0; j < beyond.Length; j++)
        {
            var count = Math.Min(path[prefix.Count + j].Count, CountCap);
            beyond[j] = (byte)count;
            _reach = Math.Max(_reach, cost + count - 1);
        }

        _runs.Add(new Run(prefix, cost, beyond));
        _pending = FindNext();
    }

    private List<int>? FindNext()
    {
        while (true)
        {
            for (; _parent < _levelEnd; _parent++, _position = 0)
            {
                var run = _runs[_parent];
                var delays = _bound - run.Cost;
                for (; _position < run.Beyond.Length; _position++)
                {
                    if (run.Beyond[_position] > delays)
                    {
                        var prefix = new List<int>(run.Prefix.Count + _position + 1);
                        prefix.AddRange(run.Prefix);
                        prefix.AddRange(Enumerable.Repeat(0, _position));
                        prefix.Add(delays);
                        _position++;
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
            _levelEnd = _runs.Count;
            _parent = 0;
            _position = 0;
        }
    }

    private sealed record Run(IReadOnlyList<int> Prefix, int Cost, byte[] Beyond);
}
