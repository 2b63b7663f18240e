using System.Globalization;
using SimLoop.Diagnostics;
using SimLoop.Tracing;

namespace SimLoop.Fairness;

/// <summary>
/// The declarative fairness bounds of <see cref="SimOptions"/> (MaxLoopLag, MaxSchedulingDelay, FailOnSlowSteps),
/// checked once on the final report of a run that otherwise passed. A run that broke one fails like an assertion:
/// in an exploration it is shrunk and gets a replay token, and its message carries the whole table.
/// </summary>
internal static class FairnessBounds
{
    public static bool Any(SimOptions options) =>
        options.MaxLoopLag is not null || options.MaxSchedulingDelay is not null || options.FailOnSlowSteps;

    /// <summary>The first bound the report breaks, as a failure, or null when all hold.</summary>
    public static RunFailure? Check(FairnessReport report, SimOptions options)
    {
        var broken = new List<string>();
        if (options.MaxLoopLag is { } maxLag && report.MaxLoopLag > maxLag)
        {
            var worst = report.Tasks.FirstOrDefault(t => t.MaxTimerLateness == report.MaxLoopLag)?.Name;
            broken.Add($"the loop lag was {D(report.MaxLoopLag)}, more than the {D(maxLag)} MaxLoopLag allows" +
                (worst is null ? "" : $" (a timer of task '{worst}' fired {D(report.MaxLoopLag)} after its due time)"));
        }

        if (options.MaxSchedulingDelay is { } maxDelay)
        {
            foreach (var task in report.Tasks.Where(t => t.MaxSchedulingDelay > maxDelay))
            {
                broken.Add($"task '{task.Name}' waited {D(task.MaxSchedulingDelay)} for the loop, more than the {D(maxDelay)} MaxSchedulingDelay allows");
            }
        }

        if (options.FailOnSlowSteps && report.SlowSteps.Count > 0)
        {
            var first = report.SlowSteps[0];
            broken.Add(string.Create(CultureInfo.InvariantCulture,
                $"{report.SlowSteps.Count} step(s) held the loop for {D(report.SlowStepThreshold)} (SlowStepThreshold) or more, and FailOnSlowSteps is on; the first: task '{first.Task}' at {TimeFormat.Instant(first.Start)}, {D(first.Duration)}{(first.Label is null ? "" : " (" + first.Label + ")")}"));
        }

        if (broken.Count == 0)
        {
            return null;
        }

        return new RunFailure(
            FailureKind.FairnessViolation,
            $"fairness bound violated when the run ended at virtual time {TimeFormat.Instant(report.Elapsed)}: {string.Join("; ", broken)}.\n\n{report.ToString().TrimEnd()}",
            "The fairness bounds of the options are checked on the run's final report (the cleanup after the body included), " +
            "and this schedule broke one: a step held the loop (Sim.Cpu, Sim.Block, or code without an await) while other work was due.",
            "Find the step in the table and the trace (slow steps are listed with their labels) and split it with awaits, or move its work " +
            "off the loop with Sim.ToThread; raise the bound only if the measured delay is acceptable.");
    }

    private static string D(TimeSpan duration) => TimeFormat.Duration(duration);
}
