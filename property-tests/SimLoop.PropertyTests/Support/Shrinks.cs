namespace SimLoop.PropertyTests.Support;

/// <summary>
/// Shrink candidates for bounded integers: the lower bound first, then values closing in on the failing one, so
/// a counterexample shrinks to the smallest numbers that still fail (a readable report) without leaving its range.
/// </summary>
internal static class Shrinks
{
    public static IEnumerable<int> Toward(int value, int lowest)
    {
        if (value <= lowest)
        {
            yield break;
        }

        yield return lowest;
        for (var gap = (value - lowest) / 2; gap > 0; gap /= 2)
        {
            yield return value - gap;
        }
    }
}
