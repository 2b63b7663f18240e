using System.Text;
using System.Text.Json;

namespace SimLoop.Tracing;

/// <summary>
/// Writes a trace in the Chrome trace-event format: one row (thread) per simulated task, one slice per step,
/// nested slices for Cpu/Block sections, virtual microseconds on the time axis.
/// </summary>
internal static class ChromeTraceWriter
{
    public static string Write(Trace trace)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            json.WriteStartObject();
            json.WriteString("displayTimeUnit", "ms");
            json.WriteStartObject("otherData");
            json.WriteString("producer", "SimLoop");
            json.WriteString("hash", TimeFormat.Hex(trace.Hash));
            json.WriteNumber("totalSteps", trace.TotalSteps);
            json.WriteBoolean("complete", trace.IsComplete);
            json.WriteEndObject();
            json.WriteStartArray("traceEvents");

            var rows = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var step in trace.Steps)
            {
                if (!rows.TryGetValue(step.Task, out var row))
                {
                    row = rows.Count + 1;
                    rows.Add(step.Task, row);
                    WriteThreadName(json, row, step.Task);
                }

                WriteSlice(json, row, step.Task, Trace.ReasonText(step.Reason), step.Start, step.End - step.Start, step);
                foreach (var section in step.Sections)
                {
                    var name = (section.Kind == SectionKind.Cpu ? "cpu" : "block") + (section.Label is null ? "" : ": " + section.Label);
                    WriteSlice(json, row, name, section.Kind == SectionKind.Cpu ? "cpu" : "block", section.Start, section.Duration, null);
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteThreadName(Utf8JsonWriter json, int row, string task)
    {
        json.WriteStartObject();
        json.WriteString("name", "thread_name");
        json.WriteString("ph", "M");
        json.WriteNumber("pid", 1);
        json.WriteNumber("tid", row);
        json.WriteStartObject("args");
        json.WriteString("name", task);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteSlice(Utf8JsonWriter json, int row, string name, string category, TimeSpan start, TimeSpan duration, TraceStep? step)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("cat", category);
        json.WriteString("ph", "X");
        json.WriteNumber("ts", start.Ticks / 10.0);
        json.WriteNumber("dur", duration.Ticks / 10.0);
        json.WriteNumber("pid", 1);
        json.WriteNumber("tid", row);
        if (step is not null)
        {
            json.WriteStartObject("args");
            json.WriteNumber("step", step.Index);
            json.WriteString("ready by", Trace.ReasonText(step.Reason));
            json.WriteNumber("waited_us", step.SchedulingDelay.Ticks / 10.0);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }
}
