using System.Globalization;
using SimLoop.Exploration;

namespace SimLoop.Scheduling;

/// <summary>Turns the strategy part of a replay token (or SIMLOOP_STRATEGY) back into a Strategy.</summary>
internal static class StrategyParser
{
    public const string Known = "fifo, random, portfolio, pct, pct<depth>, exhaustive";

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
            _ => ParsePct(text)!,
        };
        return strategy is not null;
    }

    private static Strategy? ParsePct(string text)
    {
        if (!text.StartsWith("pct", StringComparison.Ordinal))
        {
            return null;
        }

        var rest = text[3..];
        if (rest.Length == 0)
        {
            return Strategy.Pct();
        }

        var n = rest.IndexOf('n', StringComparison.Ordinal);
        var depthText = n < 0 ? rest : rest[..n];
        if (!int.TryParse(depthText, NumberStyles.None, CultureInfo.InvariantCulture, out var depth) || depth < 1)
        {
            return null;
        }

        if (n < 0)
        {
            return Strategy.Pct(depth);
        }

        return int.TryParse(rest[(n + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var decisions) && decisions >= 1
            ? new PctStrategy(depth, decisions)
            : null;
    }
}
