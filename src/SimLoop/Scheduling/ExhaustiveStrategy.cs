using SimLoop.Loop;

namespace SimLoop.Scheduling;

/// <summary>
/// Bounded depth-first search over the decision tree: each run follows a prefix of decisions and takes index 0
/// beyond it, recording every decision point's branching factor; the next run increments the deepest decision
/// that still has an untried alternative. No schedule is run twice, and when no decision is left to increment
/// the whole space has been covered. Runs are inherently sequential (each prefix depends on the last run).
/// </summary>
internal sealed class ExhaustiveStrategy : Strategy
{
    public ExhaustiveStrategy(int maxSchedules) => MaxSchedules = maxSchedules;

    internal override int MaxSchedules { get; }

    public override string Name => "dfs";

    /// <summary>A single run outside exploration: the first schedule of the tree (index 0 everywhere, FIFO).</summary>
    internal override Scheduler CreateScheduler(ulong seed) => new DfsScheduler(seed, []);

    internal override SystematicSearch CreateSearch() => new DepthFirst();

    /// <summary>The next prefix after a run that took <paramref name="path"/>, or null when the tree is exhausted.</summary>
    public static List<int>? Next(IReadOnlyList<(int Choice, int Count)> path)
    {
        for (var j = path.Count - 1; j >= 0; j--)
        {
            if (path[j].Choice + 1 < path[j].Count)
            {
                var prefix = new List<int>(j + 1);
                for (var i = 0; i < j; i++)
                {
                    prefix.Add(path[i].Choice);
                }

                prefix.Add(path[j].Choice + 1);
                return prefix;
            }
        }

        return null;
    }

    /// <summary>Depth-first order: the next prefix increments the deepest decision that has an untried alternative.</summary>
    private sealed class DepthFirst : SystematicSearch
    {
        private IReadOnlyList<int>? _next = [];

        public override IReadOnlyList<int>? Next() => _next;

        public override void Ran(Scheduler scheduler) => _next = ExhaustiveStrategy.Next(((DfsScheduler)scheduler).Path);
    }

    /// <summary>Follows a prefix, then index 0; records (choice, branching factor) at every decision point.</summary>
    internal sealed class DfsScheduler(ulong seed, IReadOnlyList<int> prefix) : Scheduler(seed)
    {
        private readonly List<(int Choice, int Count)> _path = [];

        public IReadOnlyList<(int Choice, int Count)> Path => _path;

        public override int PickReady(ReadyQueue ready) => Next(ready.Count);

        public override int PickEvent(int count) => Next(count);

        public override int Choose(int count) => Next(count);

        public override bool Chance(double probability) => Next(2) == 1;

        private int Next(int count)
        {
            var choice = _path.Count < prefix.Count && prefix[_path.Count] < count ? prefix[_path.Count] : 0;
            _path.Add((choice, count));
            return choice;
        }
    }
}
