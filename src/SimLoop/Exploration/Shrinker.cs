using SimLoop.Diagnostics;
using SimLoop.Loop;

namespace SimLoop.Exploration;

/// <summary>
/// Minimises a failing schedule: fewer deviations from FIFO first, then a shorter list, while the failure keeps
/// its kind and exception type. Candidates are replayed with the fallback rule (a list that runs out continues
/// with index 0; an index that no longer fits becomes 0), so deleting or lowering decisions never breaks replay.
/// Passes, repeated while they make progress: zero everything (pure FIFO), cut the tail, zero chunks of
/// deviations (delta debugging), lower each deviation, delete single decisions.
/// </summary>
internal sealed class Shrinker
{
    private readonly Func<RunPlan, EventLoop> _run;
    private readonly RunPlan _basis;
    private readonly RunFailure _target;
    private readonly int _budget;

    public Shrinker(Func<RunPlan, EventLoop> run, RunPlan basis, RunFailure target, int budget)
    {
        _run = run;
        _basis = basis;
        _target = target;
        _budget = budget;
    }

    public int Runs { get; private set; }

    /// <summary>The smallest failing decision list found from <paramref name="decisions"/> and the run that proves it.</summary>
    public (List<int> Decisions, EventLoop? Run) Shrink(IReadOnlyList<int> decisions)
    {
        var best = RunPlan.TrimTrailingZeros(decisions);
        EventLoop? proof = null;
        var progress = true;
        while (progress && Runs < _budget)
        {
            progress = false;
            foreach (var pass in new Func<List<int>, IEnumerable<List<int>>>[] { AllZero, Prefixes, ZeroChunks, Lowered, Deletions })
            {
                foreach (var candidate in pass(best))
                {
                    if (Runs >= _budget)
                    {
                        break;
                    }

                    if (Smaller(candidate, best) && TryCandidate(candidate) is { } accepted)
                    {
                        (best, proof) = accepted;
                        progress = true;
                        break;
                    }
                }

                if (progress)
                {
                    break;
                }
            }
        }

        return (best, proof);
    }

    /// <summary>Runs the candidate; when it fails the same way, returns the decisions it actually took (trimmed).</summary>
    private (List<int>, EventLoop)? TryCandidate(List<int> candidate)
    {
        Runs++;
        var loop = _run(_basis with { Decisions = candidate, RecordDecisions = true });
        if (loop.Failure is not { } failure || failure.Kind != _target.Kind || failure.Exception?.GetType() != _target.Exception?.GetType())
        {
            return null;
        }

        return (RunPlan.TrimTrailingZeros(loop.Decisions ?? candidate), loop);
    }

    /// <summary>Fewer non-zero decisions, then a lower sum, then a shorter list.</summary>
    internal static bool Smaller(IReadOnlyList<int> a, IReadOnlyList<int> b)
    {
        var (nonZeroA, nonZeroB) = (a.Count(d => d != 0), b.Count(d => d != 0));
        if (nonZeroA != nonZeroB)
        {
            return nonZeroA < nonZeroB;
        }

        var (sumA, sumB) = (a.Sum(d => (long)d), b.Sum(d => (long)d));
        return sumA != sumB ? sumA < sumB : RunPlan.TrimTrailingZeros(a).Count < RunPlan.TrimTrailingZeros(b).Count;
    }

    private static IEnumerable<List<int>> AllZero(List<int> current)
    {
        yield return [];
    }

    private static IEnumerable<List<int>> Prefixes(List<int> current)
    {
        for (var length = current.Count / 2; length > 0; length /= 2)
        {
            yield return current.Take(length).ToList();
        }

        for (var length = current.Count - 1; length >= 0 && length > current.Count - 8; length--)
        {
            yield return current.Take(length).ToList();
        }
    }

    private static IEnumerable<List<int>> ZeroChunks(List<int> current)
    {
        var deviations = Enumerable.Range(0, current.Count).Where(i => current[i] != 0).ToList();
        for (var chunks = 2; chunks <= deviations.Count; chunks *= 2)
        {
            var size = (deviations.Count + chunks - 1) / chunks;
            for (var start = 0; start < deviations.Count; start += size)
            {
                var candidate = current.ToList();
                foreach (var position in deviations.Skip(start).Take(size))
                {
                    candidate[position] = 0;
                }

                yield return candidate;
            }
        }
    }

    private static IEnumerable<List<int>> Lowered(List<int> current)
    {
        for (var i = 0; i < current.Count; i++)
        {
            for (var value = 0; value < current[i]; value++)
            {
                var candidate = current.ToList();
                candidate[i] = value;
                yield return candidate;
            }
        }
    }

    private static IEnumerable<List<int>> Deletions(List<int> current)
    {
        for (var i = 0; i < current.Count; i++)
        {
            var candidate = current.ToList();
            candidate.RemoveAt(i);
            yield return candidate;
        }
    }
}
