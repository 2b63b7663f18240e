using System.Globalization;
using SimLoop.Exploration;

namespace SimLoop.Scheduling;

/// <summary>Turns the strategy part of a replay token (or SIMLOOP_STRATEGY) back into a Strategy.</summary>
internal static class StrategyParser
{
    public const string Known = "fifo, random, portfolio, pct, pct<depth>, delay, delay<bound>, idb, ipb, exhaustive";

    /// <summary>The strategy a token names; a token's PCT always carries its decision count.</summary>
    public static Strategy FromDescriptor(string descriptor, string token) =>
        TryParse(descriptor, out var strategy)
            ? strategy
            : throw ReplayToken.Invalid(token, $"its strategy '{descriptor}' is not one this SimLoop knows ({Known})");

    public static bool TryParse(string text, out Strategy strategy)
    {
        strategy = text switch
        {
            "fifo" => Strategy.Fifo,
            "random" => Strategy.Random,
            "portfolio" => Strategy.Portfolio,
            "dfs" or "exhaustive" => Strategy.Exhaustive(),
            "idb" => Strategy.DelayBounded(),
            "ipb" => Strategy.PreemptionBounded(),
            _ => ParseLearning(text, "pct", 3, Strategy.Pct, (depth, steps) => new PctStrategy(depth, steps))
                ?? ParseLearning(text, "delay", 2, Strategy.RandomDelays, (bound, steps) => new RandomDelaysStrategy(bound, steps))!,
        };
        return strategy is not null;
    }

    /// <summary>
    /// <paramref name="prefix"/>, prefix&lt;n&gt; or prefix&lt;n&gt;n&lt;steps&gt; (a token's form, with the learned step
    /// count): PCT's depth or the number of random delays, at least 1; the prefix alone means <paramref name="standard"/>.
    /// </summary>
    private static Strategy? ParseLearning(string text, string prefix, int standard, Func<int, Strategy> learning, Func<int, int, Strategy> measured)
    {
        if (!text.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = text[prefix.Length..];
        if (rest.Length == 0)
        {
            return learning(standard);
        }

        var n = rest.IndexOf('n', StringComparison.Ordinal);
        var depthText = n < 0 ? rest : rest[..n];
        if (!int.TryParse(depthText, NumberStyles.None, CultureInfo.InvariantCulture, out var depth) || depth < 1)
        {
            return null;
        }

        if (n < 0)
        {
            return learning(depth);
        }

        return int.TryParse(rest[(n + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var decisions) && decisions >= 1
            ? measured(depth, decisions)
            : null;
    }
}
