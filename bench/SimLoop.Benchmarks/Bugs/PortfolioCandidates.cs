using SimLoop.Scheduling;

namespace SimLoop.Benchmarks.Bugs;

/// <summary>
/// Portfolio designs the rates command compares with the shipped one, written as arm letters: a prefix run once,
/// then a cycle, with a second cycle for programs of more than <c>few</c> competing tasks. F FIFO, R random,
/// D deep PCT, 3 PCT(3), A PCT(10), Y random delays (2), X random delays (1).
/// </summary>
internal static class PortfolioCandidates
{
    public static readonly RatesCommand.Plan[] All =
    [
        Design("F|DRD3/RDDD", few: 2),
        Design("F|DRD3/RDDD", few: 4),
        Design("F|RDDD"),
        Design("F|DRDD"),
        Design("F|DRD"),
        Design("F|DRDDD"),
        Design("RF|DRDD"),
    ];

    private static RatesCommand.Plan Design(string text, int few = int.MaxValue)
    {
        var bar = text.IndexOf('|', StringComparison.Ordinal);
        var prefix = text[..bar];
        var cycles = text[(bar + 1)..].Split('/');
        return new(few == int.MaxValue ? text : $"{text}@{few}", (i, shape) =>
        {
            if (i < prefix.Length)
            {
                return Arm(prefix[i], shape);
            }

            var cycle = cycles.Length > 1 && shape.Tasks > few ? cycles[1] : cycles[0];
            return Arm(cycle[(i - prefix.Length) % cycle.Length], shape);
        }, Single: false);
    }

    private static Strategy Arm(char letter, ProgramShape shape) => letter switch
    {
        'F' => Strategy.Fifo,
        'R' => Strategy.Random,
        'D' => new PctStrategy(PortfolioStrategy.DeepDepth(shape), shape.Decisions),
        '3' => new PctStrategy(3, shape.Decisions),
        'A' => new PctStrategy(10, shape.Decisions),
        'Y' => new RandomDelaysStrategy(2, shape.Decisions),
        'X' => new RandomDelaysStrategy(1, shape.Decisions),
        _ => throw new ArgumentException($"unknown arm letter '{letter}'"),
    };
}
