using System.Globalization;
using SimLoop.Tracing;

namespace SimLoop;

/// <summary>
/// The few checks fairness tests need, each failing with the bound, the measured value and the whole report
/// table. Exact values are better compared directly (<c>Task("heartbeat").MaxTimerLateness</c>); these state
/// bounds, for example in property tests or for a service-level objective.
/// </summary>
public static class FairnessAssertions
{
    /// <summary>No timer fired later than <paramref name="atMost"/> after its due time (loop lag).</summary>
    /// <exception cref="FairnessAssertionException">The loop lag was larger.</exception>
    public static FairnessReport AssertMaxLoopLag(this FairnessReport report, TimeSpan atMost)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.MaxLoopLag <= atMost
            ? report
            : throw Violation(report, $"the loop lag was {TimeFormat.Duration(report.MaxLoopLag)}, more than the {TimeFormat.Duration(atMost)} allowed");
    }

    /// <summary>No step of <paramref name="task"/> waited for the loop longer than <paramref name="atMost"/> after becoming ready.</summary>
    /// <exception cref="FairnessAssertionException">A step waited longer.</exception>
    /// <exception cref="KeyNotFoundException">No task has that name; the message lists the names there are.</exception>
    public static FairnessReport AssertSchedulingDelay(this FairnessReport report, string task, TimeSpan atMost)
    {
        ArgumentNullException.ThrowIfNull(report);
        var stats = report.Task(task);
        return stats.MaxSchedulingDelay <= atMost
            ? report
            : throw Violation(report, $"task '{task}' waited {TimeFormat.Duration(stats.MaxSchedulingDelay)} for the loop, more than the {TimeFormat.Duration(atMost)} allowed");
    }

    /// <summary>No step held the loop for <see cref="FairnessReport.SlowStepThreshold"/> or longer.</summary>
    /// <exception cref="FairnessAssertionException">There were slow steps.</exception>
    public static FairnessReport AssertNoSlowSteps(this FairnessReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.SlowSteps.Count == 0)
        {
            return report;
        }

        var first = report.SlowSteps[0];
        throw Violation(report, string.Create(CultureInfo.InvariantCulture,
            $"{report.SlowSteps.Count} step(s) held the loop for {TimeFormat.Duration(report.SlowStepThreshold)} or more; the first: task '{first.Task}' at {TimeFormat.Instant(first.Start)}, {TimeFormat.Duration(first.Duration)}{(first.Label is null ? "" : " (" + first.Label + ")")}"));
    }

    private static FairnessAssertionException Violation(FairnessReport report, string what) =>
        new($"Fairness bound violated: {what}.\n\n{report}");
}
