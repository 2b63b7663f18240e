using SimLoop.Exploration;

namespace SimLoop.Scheduling;

/// <summary>Turns the strategy part of a replay token (or SIMLOOP_STRATEGY) back into a Strategy.</summary>
internal static class StrategyParser
{
    public static Strategy FromDescriptor(string descriptor, string token) => descriptor switch
    {
        "fifo" => Strategy.Fifo,
        _ => throw ReplayToken.Invalid(token, $"its strategy '{descriptor}' is not one this SimLoop knows (fifo)"),
    };
}
