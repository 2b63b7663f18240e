using System.Text.Json;

namespace SimLoop.Tracing;

/// <summary>
/// The data the timeline's script draws, as compact JSON columns: lanes (one per task, then one per worker of the
/// simulated pool), steps (lane, gap since the previous step's end, cost, wait, reason: times in ticks, so exact),
/// sections, worker jobs, late timers and slow steps with their words. The script aggregates per pixel column
/// when zoomed out; everything that needs SimLoop's definitions (lateness, slowness, labels) is decided here.
/// </summary>
internal static class TimelineData
{
    /// <summary>Lane colours, readable on white and distinct from the marks (red: slow steps, orange: late timers).</summary>
    private static readonly string[] s_palette =
        ["#4e79a7", "#59a14f", "#b07aa1", "#76b7b2", "#9c755f", "#edc948", "#8cd17d", "#86bcb6", "#a0cbe8", "#d4a6c8"];

    /// <summary>The colour of the task lane at <paramref name="lane"/> (also its swatch in the fairness table).</summary>
    public static string Colour(int lane) => s_palette[lane % s_palette.Length];

    public static void Write(Utf8JsonWriter json, TimelineRun run)
    {
        var steps = run.Trace.Steps;
        var lanes = TaskLanes(run);
        var laneOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < lanes.Count; i++)
        {
            laneOf[lanes[i]] = i;
        }

        var workers = run.Trace.WorkerJobs.Count == 0 ? 0 : Math.Max(run.Fairness?.Workers.Workers ?? 0, run.Trace.WorkerJobs.Max(j => j.Worker) + 1);
        // One table of distinct texts (section labels, step sources, draws): the page holds each once.
        var labels = new List<string>();
        var labelIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        int Label(string? text)
        {
            if (text is null)
            {
                return -1;
            }

            if (!labelIndex.TryGetValue(text, out var index))
            {
                index = labels.Count;
                labels.Add(text);
                labelIndex.Add(text, index);
            }

            return index;
        }

        json.WriteStartObject();
        json.WriteNumber("end", run.End.Ticks);
        json.WriteNumber("ticksPerMs", TimeSpan.TicksPerMillisecond);
        json.WriteBoolean("complete", run.Trace.IsComplete);
        json.WriteNumber("totalSteps", run.Trace.TotalSteps);
        json.WriteNumber("slowThreshold", run.SlowStepThreshold.Ticks);

        json.WriteStartArray("lanes");
        for (var i = 0; i < lanes.Count; i++)
        {
            WriteLane(json, lanes[i], "task", Colour(i));
        }

        for (var w = 0; w < workers; w++)
        {
            WriteLane(json, "worker " + (w + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "worker", "#868e96");
        }

        json.WriteEndArray();

        // Steps never overlap (one loop), so each starts at or after the previous one's end: the gap is small or 0.
        var previousEnd = TimeSpan.Zero;
        json.WriteNumber("firstIndex", steps.Count == 0 ? 0 : steps[0].Index);
        WriteColumn(json, "lane", steps, s => laneOf[s.Task]);
        json.WriteStartArray("gap");
        foreach (var step in steps)
        {
            json.WriteNumberValue((step.Start - previousEnd).Ticks);
            previousEnd = step.End;
        }

        json.WriteEndArray();
        WriteColumn(json, "cost", steps, s => (s.End - s.Start).Ticks);
        WriteColumn(json, "wait", steps, s => s.SchedulingDelay.Ticks);
        WriteColumn(json, "why", steps, s => (long)s.Reason);
        json.WriteStartArray("reasons");
        foreach (var reason in Enum.GetValues<ReadyReason>())
        {
            json.WriteStringValue(Trace.ReasonText(reason));
        }

        json.WriteEndArray();

        var sections = steps.SelectMany((s, position) => s.Sections.Select(section => (Position: position, Step: s, Section: section))).ToList();
        json.WriteStartObject("sections");
        WriteColumn(json, "step", sections, x => x.Position);
        WriteColumn(json, "offset", sections, x => (x.Section.Start - x.Step.Start).Ticks);
        WriteColumn(json, "duration", sections, x => x.Section.Duration.Ticks);
        WriteColumn(json, "block", sections, x => x.Section.Kind == SectionKind.Block ? 1 : 0);
        WriteColumn(json, "label", sections, x => Label(x.Section.Label));
        json.WriteEndObject();

        var jobs = run.Trace.WorkerJobs;
        json.WriteStartObject("jobs");
        WriteColumn(json, "lane", jobs, j => lanes.Count + j.Worker);
        WriteColumn(json, "task", jobs, j => laneOf.TryGetValue(j.Task, out var lane) ? lane : -1);
        WriteColumn(json, "submitted", jobs, j => j.Submitted.Ticks);
        WriteColumn(json, "started", jobs, j => j.Started.Ticks);
        WriteColumn(json, "finished", jobs, j => j.Finished.Ticks);
        json.WriteEndObject();

        var late = Enumerable.Range(0, steps.Count).Where(i => LateTimerText.IsLate(steps[i])).ToList();
        json.WriteStartObject("late");
        WriteColumn(json, "step", late, i => i);
        WriteStrings(json, "text", late.Select(i => LateTimerText.Mark(steps[i])));
        WriteStrings(json, "why", late.Select(i => LateTimerText.Explain(steps, i)));
        json.WriteEndObject();

        // The fairness report's rule: a step is slow when its Cpu + Block cost is positive and reaches the threshold.
        var threshold = run.SlowStepThreshold;
        var slow = Enumerable.Range(0, steps.Count)
            .Where(i => steps[i].End > steps[i].Start && steps[i].End - steps[i].Start >= threshold).ToList();
        json.WriteStartObject("slow");
        WriteColumn(json, "step", slow, i => i);
        WriteStrings(json, "text", slow.Select(i => LateTimerText.LongestSection(steps[i])));
        json.WriteEndObject();

        // Where each step's code resumed (complete traces) and its Sim.Chance/Choose draws, in the same string table.
        WriteColumn(json, "source", steps, s => Label(s.Source));
        WriteColumn(json, "choices", steps, s => Label(s.Choices.Count == 0 ? null : string.Join("; ", s.Choices)));
        WriteStrings(json, "labels", labels);
        if (run.Failure is { } failure && steps.Count > 0)
        {
            json.WriteStartObject("failure");
            json.WriteNumber("step", steps.Count - 1);
            json.WriteString("kind", failure.Kind.ToString());
            json.WriteString("source", FailureSource.Of(failure));
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    /// <summary>Every task: the fairness report's order (creation order, main first), then any other the trace names.</summary>
    public static List<string> TaskLanes(TimelineRun run)
    {
        var lanes = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in (run.Fairness?.Tasks.Select(t => t.Name) ?? []).Concat(run.Trace.Steps.Select(s => s.Task)).Concat(run.Trace.WorkerJobs.Select(j => j.Task)))
        {
            if (seen.Add(name))
            {
                lanes.Add(name);
            }
        }

        return lanes;
    }

    private static void WriteLane(Utf8JsonWriter json, string name, string kind, string colour)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("kind", kind);
        json.WriteString("colour", colour);
        json.WriteEndObject();
    }

    private static void WriteColumn<T>(Utf8JsonWriter json, string name, IEnumerable<T> items, Func<T, long> value)
    {
        json.WriteStartArray(name);
        foreach (var item in items)
        {
            json.WriteNumberValue(value(item));
        }

        json.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string?> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
