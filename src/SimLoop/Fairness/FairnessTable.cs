using System.Globalization;
using System.Text;
using SimLoop.Tracing;

namespace SimLoop;

/// <summary>Renders a <see cref="FairnessReport"/> as fixed-width text. Pinned by a snapshot test.</summary>
internal static class FairnessTable
{
    private static readonly string[] s_headers = ["task", "steps", "cpu", "block", "max delay", "total delay", "max lateness", "jobs", "job time"];

    public static string Render(FairnessReport report)
    {
        var rows = report.Tasks.Select(t => new[]
        {
            t.Name,
            t.Steps.ToString(CultureInfo.InvariantCulture),
            FairnessReport.D(t.CpuTime),
            FairnessReport.D(t.BlockTime),
            FairnessReport.D(t.MaxSchedulingDelay),
            FairnessReport.D(t.TotalSchedulingDelay),
            t.TimerWakeups == 0 ? "-" : FairnessReport.D(t.MaxTimerLateness),
            t.WorkerJobs.ToString(CultureInfo.InvariantCulture),
            FairnessReport.D(t.WorkerTime),
        }).ToList();

        var widths = s_headers.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        var text = new StringBuilder();
        AppendRow(text, s_headers, widths);
        foreach (var row in rows)
        {
            AppendRow(text, row, widths);
        }

        text.Append(LoopLine(report)).Append('\n');
        text.Append(CultureInfo.InvariantCulture, $"slow steps (>= {FairnessReport.D(report.SlowStepThreshold)}): ");
        if (report.SlowSteps.Count == 0)
        {
            text.Append("none\n");
        }
        else
        {
            text.Append(report.SlowSteps.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
            foreach (var slow in report.SlowSteps)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"  {TimeFormat.Instant(slow.Start)}  {slow.Task}  {(slow.Kind == SectionKind.Cpu ? "cpu" : "block")} {FairnessReport.D(slow.Duration)}{(slow.Label is null ? "" : "  " + slow.Label)}\n");
            }
        }

        text.Append(PoolLine(report));
        return text.ToString();
    }

    private static void AppendRow(StringBuilder text, string[] cells, int[] widths)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            // Names left-aligned, numbers right-aligned.
            text.Append(i == 0 ? cells[i].PadRight(widths[i]) : cells[i].PadLeft(widths[i]));
            text.Append(i == cells.Length - 1 ? "\n" : "  ");
        }
    }

    /// <summary>The loop's line: busy time and share, max lag, Jain index (also the HTML timeline's).</summary>
    internal static string LoopLine(FairnessReport report) => string.Create(CultureInfo.InvariantCulture,
        $"loop: busy {FairnessReport.D(report.LoopBusy)} of {FairnessReport.D(report.Elapsed)} ({FairnessReport.Percent(report.LoopBusy, report.Elapsed)}), max lag {FairnessReport.D(report.MaxLoopLag)}, Jain index {report.JainIndex.ToString("0.000", CultureInfo.InvariantCulture)}");

    /// <summary>The simulated pool's line: workers, jobs, utilisation, queue delays (also the HTML timeline's).</summary>
    internal static string PoolLine(FairnessReport report)
    {
        var pool = report.Workers;
        return string.Create(CultureInfo.InvariantCulture,
            $"workers: {pool.Workers}, jobs {pool.Jobs}, busy {FairnessReport.D(pool.BusyTime)} ({(pool.Utilization * 100).ToString("0.#", CultureInfo.InvariantCulture)} % of capacity), queue delay max {FairnessReport.D(pool.MaxQueueDelay)} total {FairnessReport.D(pool.TotalQueueDelay)}");
    }
}
