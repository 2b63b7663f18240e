using System.Globalization;
using SimLoop.Tracing;

namespace SimLoop.Exploration;

/// <summary>Where two runs of the same seed parted ways: the first step index at which they differ.</summary>
internal static class Divergence
{
    /// <summary>Describes the first difference among the steps both traces hold, or null when they agree there.</summary>
    public static string? Describe(Trace first, Trace second)
    {
        var byIndex = second.Steps.ToDictionary(step => step.Index);
        foreach (var step in first.Steps)
        {
            if (!byIndex.TryGetValue(step.Index, out var other))
            {
                continue;
            }

            if (step.Start != other.Start || step.Task != other.Task || step.Reason != other.Reason)
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"first divergence at step {step.Index}:\n  one run:   {Line(step)}\n  other run: {Line(other)}");
            }
        }

        if (first.TotalSteps != second.TotalSteps)
        {
            var shorter = Math.Min(first.TotalSteps, second.TotalSteps);
            return string.Create(CultureInfo.InvariantCulture,
                $"the runs agree on the steps compared, but one ends after {Steps(shorter)} and the other after {Steps(Math.Max(first.TotalSteps, second.TotalSteps))}");
        }

        return null;
    }

    private static string Steps(long count) => count == 1 ? "1 step" : count.ToString(CultureInfo.InvariantCulture) + " steps";

    private static string Line(TraceStep step) =>
        string.Create(CultureInfo.InvariantCulture, $"#{step.Index} at {TimeFormat.Instant(step.Start)} task '{step.Task}' ({Trace.ReasonText(step.Reason)})");
}
