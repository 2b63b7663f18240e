using SimLoop.Scheduling;

namespace SimLoop.Benchmarks.Bugs;

/// <summary>
/// Portfolio designs the rates command compares with the shipped one, written as arm letters: a prefix run once,
/// then a cycle. F FIFO, R random, D deep PCT (the portfolio's depth), 3 PCT(3).
/// </summary>
internal static class PortfolioCandidates
{
    public static readonly RatesCommand.Plan[] All =
    [
        Design("previous", "F", "RD3D"),
        Design("deep-first", "F", "DRDD"),
        Design("random-first", "RF", "DRDD"),
    ];

    private static RatesCommand.Plan Design(string name, string prefix, string cycle) =>
        new($"{name} ({string.Join(' ', prefix.ToCharArray())} | {string.Join(' ', cycle.ToCharArray())})", (i, shape) =>
            Arm(i < prefix.Length ? prefix[i] : cycle[(i - prefix.Length) % cycle.Length], shape), Single: false);

    private static Strategy Arm(char letter, ProgramShape shape) => letter switch
    {
        'F' => Strategy.Fifo,
        'R' => Strategy.Random,
        'D' => new PctStrategy(PortfolioStrategy.DeepDepth(shape), shape.Decisions),
        '3' => new PctStrategy(3, shape.Decisions),
        _ => throw new ArgumentException($"unknown arm letter '{letter}'"),
    };
}
