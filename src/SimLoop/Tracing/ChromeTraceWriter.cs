using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SimLoop.Tracing;

/// <summary>
/// Writes a trace in the Chrome trace-event format: one row (thread) per simulated task, one slice per step,
/// nested slices for Cpu/Block sections, a track per simulated worker with a slice per Sim.ToThread job, virtual
/// microseconds on the time axis. A file is capped
/// (<see cref="DefaultMaxBytes"/>): a livelock of millions of steps keeps its first and last steps, and an
/// instant event in the gap says how many steps were left out and why.
/// </summary>
internal static class ChromeTraceWriter
{
    /// <summary>32 MiB: Perfetto and chrome://tracing open it quickly; beyond, the middle of a long run is elided.</summary>
    public const long DefaultMaxBytes = 32L * 1024 * 1024;

    public static string Write(Trace trace) => Write(trace, DefaultMaxBytes);

    public static string Write(Trace trace, long maxBytes)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            var rows = new Dictionary<string, int>(StringComparer.Ordinal);
            var steps = trace.Steps;

            // Steps from the start until half the budget is spent, then from the end back to meet them. Chrome's
            // format does not need events in time order, so the tail is written newest first.
            var events = new EventWriter(json, rows);
            var head = 0;
            json.WriteStartObject();
            json.WriteStartArray("traceEvents");
            while (head < steps.Count && json.BytesCommitted + json.BytesPending < maxBytes / 2)
            {
                events.Step(steps[head++]);
            }

            var tail = steps.Count;
            var headBytes = json.BytesCommitted + json.BytesPending;
            while (tail > head && json.BytesCommitted + json.BytesPending - headBytes < maxBytes / 2)
            {
                events.Step(steps[--tail]);
            }

            var elided = tail - head;
            if (elided > 0)
            {
                events.Elision(steps[head], steps[tail - 1], elided, maxBytes);
            }

            // Sim.ToThread jobs on their simulated workers' tracks (a second "process", so they group apart from
            // the loop's tasks). Full traces only; few enough to keep whole.
            foreach (var job in trace.WorkerJobs)
            {
                events.WorkerJob(job);
            }

            json.WriteEndArray();
            json.WriteString("displayTimeUnit", "ms");
            json.WriteStartObject("otherData");
            json.WriteString("producer", "SimLoop");
            json.WriteString("hash", TimeFormat.Hex(trace.Hash));
            json.WriteNumber("totalSteps", trace.TotalSteps);
            json.WriteBoolean("complete", trace.IsComplete && elided == 0);
            json.WriteNumber("elidedSteps", elided);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private sealed class EventWriter(Utf8JsonWriter json, Dictionary<string, int> rows)
    {
        public void Step(TraceStep step)
        {
            if (!rows.TryGetValue(step.Task, out var row))
            {
                row = rows.Count + 1;
                rows.Add(step.Task, row);
                ThreadName(row, step.Task);
            }

            Slice(row, step.Task, Trace.ReasonText(step.Reason), step.Start, step.End - step.Start, step);
            foreach (var section in step.Sections)
            {
                var name = (section.Kind == SectionKind.Cpu ? "cpu" : "block") + (section.Label is null ? "" : ": " + section.Label);
                Slice(row, name, section.Kind == SectionKind.Cpu ? "cpu" : "block", section.Start, section.Duration, null);
            }
        }

        private readonly HashSet<int> _workers = [];

        public void WorkerJob(WorkerJobRecord job)
        {
            if (_workers.Count == 0)
            {
                Metadata("process_name", WorkerProcess, 0, "simulated worker pool (Sim.ToThread)");
            }

            if (_workers.Add(job.Worker))
            {
                Metadata("thread_name", WorkerProcess, job.Worker + 1, string.Create(CultureInfo.InvariantCulture, $"worker {job.Worker}"));
            }

            json.WriteStartObject();
            json.WriteString("name", "job of " + job.Task);
            json.WriteString("cat", "worker job");
            json.WriteString("ph", "X");
            json.WriteNumber("ts", job.Started.Ticks / 10.0);
            json.WriteNumber("dur", (job.Finished - job.Started).Ticks / 10.0);
            json.WriteNumber("pid", WorkerProcess);
            json.WriteNumber("tid", job.Worker + 1);
            json.WriteStartObject("args");
            json.WriteString("task", job.Task);
            json.WriteNumber("submitted_us", job.Submitted.Ticks / 10.0);
            json.WriteNumber("queued_us", (job.Started - job.Submitted).Ticks / 10.0);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        private const int WorkerProcess = 2;

        private void Metadata(string kind, int process, int thread, string name)
        {
            json.WriteStartObject();
            json.WriteString("name", kind);
            json.WriteString("ph", "M");
            json.WriteNumber("pid", process);
            json.WriteNumber("tid", thread);
            json.WriteStartObject("args");
            json.WriteString("name", name);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        /// <summary>A global instant event where the gap starts: what is missing, and why.</summary>
        public void Elision(TraceStep first, TraceStep last, int count, long maxBytes)
        {
            json.WriteStartObject();
            json.WriteString("name", string.Create(CultureInfo.InvariantCulture,
                $"{count} steps elided (#{first.Index} to #{last.Index}): the trace file is capped at {Size(maxBytes)}"));
            json.WriteString("cat", "elided");
            json.WriteString("ph", "i");
            json.WriteString("s", "g");
            json.WriteNumber("ts", first.Start.Ticks / 10.0);
            json.WriteNumber("pid", 1);
            json.WriteNumber("tid", 0);
            json.WriteStartObject("args");
            json.WriteNumber("elided_steps", count);
            json.WriteNumber("first_elided_step", first.Index);
            json.WriteNumber("last_elided_step", last.Index);
            json.WriteNumber("until_us", last.End.Ticks / 10.0);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        private static string Size(long bytes) => bytes >= 1024 * 1024
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024)} MiB")
            : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024} KiB");

        private void ThreadName(int row, string task)
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

        private void Slice(int row, string name, string category, TimeSpan start, TimeSpan duration, TraceStep? step)
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
                if (step.Source is not null)
                {
                    json.WriteString("source", step.Source);
                }

                if (step.Choices.Count > 0)
                {
                    json.WriteString("choices", string.Join("; ", step.Choices));
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }
    }
}
