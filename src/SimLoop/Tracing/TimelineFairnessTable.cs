using System.Globalization;
using System.Net;
using System.Text;

namespace SimLoop.Tracing;

/// <summary>
/// The fairness report as HTML under the timeline: the same columns and words as <see cref="FairnessTable"/>, one row
/// per task with its lane's colour, then the loop, the slow steps and the worker pool.
/// </summary>
internal static class TimelineFairnessTable
{
    private static readonly string[] s_headers = ["task", "steps", "cpu", "block", "max delay", "total delay", "max lateness", "jobs", "job time"];

    public static void Append(StringBuilder html, FairnessReport report, Func<string, string> colourOf)
    {
        html.Append("<table class=\"fairness\">\n<thead><tr>");
        foreach (var header in s_headers)
        {
            html.Append("<th>").Append(header).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var t in report.Tasks)
        {
            html.Append("<tr data-task=\"").Append(E(t.Name)).Append("\"><td><span class=\"swatch\" style=\"background:")
                .Append(colourOf(t.Name)).Append("\"></span>").Append(E(t.Name)).Append("</td>");
            Cell(html, t.Steps.ToString(CultureInfo.InvariantCulture));
            Cell(html, D(t.CpuTime));
            Cell(html, D(t.BlockTime));
            Cell(html, D(t.MaxSchedulingDelay));
            Cell(html, D(t.TotalSchedulingDelay));
            Cell(html, t.TimerWakeups == 0 ? "-" : D(t.MaxTimerLateness), t.MaxTimerLateness > TimeSpan.Zero ? "late" : null);
            Cell(html, t.WorkerJobs.ToString(CultureInfo.InvariantCulture));
            Cell(html, D(t.WorkerTime));
            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n<ul class=\"summary\">\n");
        // The loop and pool lines hold no user text, so the report's own lines need no escaping.
        html.Append("<li>").Append(FairnessTable.LoopLine(report)).Append("</li>\n");
        html.Append(CultureInfo.InvariantCulture, $"<li>slow steps (&gt;= {D(report.SlowStepThreshold)}): ");
        if (report.SlowSteps.Count == 0)
        {
            html.Append("none</li>\n");
        }
        else
        {
            html.Append(report.SlowSteps.Count.ToString(CultureInfo.InvariantCulture)).Append("\n<ul>\n");
            foreach (var slow in report.SlowSteps)
            {
                html.Append(CultureInfo.InvariantCulture,
                    $"<li class=\"slow-step\">{TimeFormat.Instant(slow.Start)} {E(slow.Task)}: {(slow.Kind == SectionKind.Cpu ? "cpu" : "block")} {D(slow.Duration)}{(slow.Label is null ? "" : " " + E(slow.Label))}</li>\n");
            }

            html.Append("</ul></li>\n");
        }

        html.Append("<li>").Append(FairnessTable.PoolLine(report)).Append("</li>\n</ul>\n");
    }

    private static void Cell(StringBuilder html, string text, string? cssClass = null) =>
        html.Append(cssClass is null ? "<td>" : "<td class=\"" + cssClass + "\">").Append(text).Append("</td>");

    private static string D(TimeSpan d) => TimeFormat.Duration(d);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
