using System.Globalization;
using System.Text;
using SimLoop.Tracing;

namespace SimLoop;

/// <summary>
/// The steps of a run. Always holds the run's hash and its last steps; holds every step when the run was made
/// with <see cref="SimOptions.RecordTrace"/> (exploration records the failing run this way).
/// </summary>
public sealed class Trace
{
    internal Trace(IReadOnlyList<TraceStep> steps, bool isComplete, long totalSteps, ulong hash, IReadOnlyList<WorkerJobRecord>? workerJobs = null)
    {
        WorkerJobs = workerJobs ?? [];
        Steps = steps;
        IsComplete = isComplete;
        TotalSteps = totalSteps;
        Hash = hash;
    }

    /// <summary>The recorded steps, oldest first: all of them when <see cref="IsComplete"/>, else the last ones.</summary>
    public IReadOnlyList<TraceStep> Steps { get; }

    /// <summary>True when <see cref="Steps"/> holds every step of the run.</summary>
    public bool IsComplete { get; }

    /// <summary>How many steps the run took.</summary>
    public long TotalSteps { get; }

    /// <summary>Fingerprint of the whole schedule (every step's index, start, task and reason).</summary>
    public ulong Hash { get; }

    /// <summary>The run's Sim.ToThread jobs in submission order; recorded with every step only (<see cref="SimOptions.RecordTrace"/>).</summary>
    internal IReadOnlyList<WorkerJobRecord> WorkerJobs { get; }

    /// <summary>
    /// The last <paramref name="lastSteps"/> steps as a table: index, start, task, why it was ready, delay, cost; then,
    /// when known (complete traces), the Sim.Chance/Choose outcomes in brackets and where the step's code resumed.
    /// </summary>
    public string ToText(int lastSteps = 12)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lastSteps);
        var shown = Steps.Skip(Math.Max(0, Steps.Count - lastSteps)).ToList();
        var taskWidth = Math.Max(4, shown.Count == 0 ? 0 : shown.Max(s => s.Task.Length));
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"  {"step",-7} {"start",-12}  {"task".PadRight(taskWidth)}  {"ready by",-13} {"waited",-9} cost");
        foreach (var step in shown)
        {
            var cost = step.End - step.Start;
            var sections = step.Sections.Count == 0
                ? ""
                : "  (" + string.Join(", ", step.Sections.Select(Describe)) + ")";
            var choices = step.Choices.Count == 0 ? "" : "  [" + string.Join("; ", step.Choices) + "]";
            var source = step.Source is null ? "" : "  in " + step.Source;
            text.Append('\n').Append(CultureInfo.InvariantCulture,
                $"  #{step.Index,-6} {TimeFormat.Instant(step.Start),-12}  {step.Task.PadRight(taskWidth)}  {ReasonText(step.Reason),-13} {TimeFormat.Duration(step.SchedulingDelay),-9} {TimeFormat.Duration(cost)}{sections}{choices}{source}");
        }

        return text.ToString();
    }

    /// <summary>The trace in Chrome's trace-event format, readable by Perfetto (ui.perfetto.dev) and chrome://tracing.</summary>
    public string ToChromeJson() => ChromeTraceWriter.Write(this);

    /// <summary>Writes <see cref="ToChromeJson"/> to <paramref name="path"/>, creating the directory if needed.</summary>
    public void WriteChromeJson(string path) => TraceFile.Write(path, ToChromeJson());

    internal static string ReasonText(ReadyReason reason) => reason switch
    {
        ReadyReason.Spawn => "spawn",
        ReadyReason.Yield => "yield",
        ReadyReason.Timer => "timer",
        ReadyReason.Continuation => "continuation",
        ReadyReason.Worker => "worker",
        ReadyReason.ThreadPool => "pool work",
        _ => reason.ToString(),
    };

    private static string Describe(TraceSection section) =>
        (section.Kind == SectionKind.Cpu ? "cpu " : "block ") + TimeFormat.Duration(section.Duration)
        + (section.Label is null ? "" : " " + section.Label);
}
