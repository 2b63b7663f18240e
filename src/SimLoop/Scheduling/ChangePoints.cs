using SimLoop.Random;

namespace SimLoop.Scheduling;

/// <summary>
/// PCT's priority change points: <c>count</c> steps drawn independently and uniformly in [0, expectedSteps), the
/// i-th drawn (i from 1) lowering the task that runs at it to priority i - count - 1 (negative, below every initial
/// priority, each point its own rank). Kept sorted by step so a scheduler consumes them in O(1) per step.
/// </summary>
internal sealed class ChangePoints
{
    private readonly long[] _steps;
    private readonly long[] _lowered;
    private int _next;

    private ChangePoints(long[] steps, long[] lowered)
    {
        _steps = steps;
        _lowered = lowered;
    }

    public static ChangePoints Draw(ref Xoshiro256StarStar random, int count, int expectedSteps)
    {
        var steps = new long[Math.Max(0, count)];
        var lowered = new long[steps.Length];
        for (var i = 0; i < steps.Length; i++)
        {
            steps[i] = random.NextInt(Math.Max(1, expectedSteps));
            lowered[i] = i - steps.Length - 1;
        }

        // Sorting by step keeps each point's rank with it: the rank stays the order of drawing, as in the paper.
        Array.Sort(steps, lowered);
        return new ChangePoints(steps, lowered);
    }

    /// <summary>The rank of the next change point if it falls at or before <paramref name="step"/>.</summary>
    public bool TryTake(long step, out long lowered)
    {
        if (_next < _steps.Length && _steps[_next] <= step)
        {
            lowered = _lowered[_next++];
            return true;
        }

        lowered = 0;
        return false;
    }
}
