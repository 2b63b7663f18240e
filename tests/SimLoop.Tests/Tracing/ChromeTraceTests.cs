using System.Text;
using System.Text.Json;
using SimLoop.Tracing;

namespace SimLoop.Tests.Tracing;

// The Chrome/Perfetto trace file: capped in size, with the elided middle announced; step details in its args.
public class ChromeTraceTests
{
    private static Trace Spinning(int yields) => Sim.Run(async () =>
    {
        for (var i = 0; i < yields; i++)
        {
            await Sim.Yield();
        }
    }, new SimOptions { RecordTrace = true }).Trace;

    [Test]
    public void A_trace_under_the_cap_is_written_whole()
    {
        using var json = JsonDocument.Parse(ChromeTraceWriter.Write(Spinning(10), 1_000_000));

        var other = json.RootElement.GetProperty("otherData");
        Assert.That((other.GetProperty("complete").GetBoolean(), other.GetProperty("elidedSteps").GetInt32()), Is.EqualTo((true, 0)));
        Assert.That(Steps(json), Is.EqualTo(Enumerable.Range(0, 11).Select(i => (long)i)));
    }

    [Test]
    public void A_trace_over_the_cap_keeps_its_first_and_last_steps_and_says_what_it_left_out()
    {
        var trace = Spinning(20_000);
        const long Cap = 200_000;

        var text = ChromeTraceWriter.Write(trace, Cap);
        using var json = JsonDocument.Parse(text);

        var written = Steps(json).Order().ToList();
        var elided = (int)(trace.TotalSteps - written.Count);
        Assert.That(Encoding.UTF8.GetByteCount(text), Is.LessThanOrEqualTo(Cap + 1_000), "the cap, give or take one step and the closing data");
        Assert.That(written[0], Is.Zero);
        Assert.That(written[^1], Is.EqualTo(trace.TotalSteps - 1));
        var gapStart = written.Zip(written.Skip(1)).First(pair => pair.Second != pair.First + 1).First + 1;
        Assert.That(written.Skip((int)gapStart).First(), Is.EqualTo(gapStart + elided), "one gap, in the middle");

        var other = json.RootElement.GetProperty("otherData");
        Assert.That((other.GetProperty("complete").GetBoolean(), other.GetProperty("elidedSteps").GetInt32()), Is.EqualTo((false, elided)));
        var note = json.RootElement.GetProperty("traceEvents").EnumerateArray().Single(e => e.TryGetProperty("cat", out var category) && category.GetString() == "elided");
        Assert.That(note.GetProperty("name").GetString(), Is.EqualTo($"{elided} steps elided (#{gapStart} to #{gapStart + elided - 1}): the trace file is capped at 195 KiB"));
        Assert.That(note.GetProperty("args").GetProperty("elided_steps").GetInt32(), Is.EqualTo(elided));
    }

    [Test]
    public void A_step_slice_carries_its_source_and_choices()
    {
        var trace = Sim.Run(async () =>
        {
            await Sim.Yield();
            Sim.Choose(4);
        }, new SimOptions { RecordTrace = true, Seed = 3 }).Trace;

        using var json = JsonDocument.Parse(ChromeTraceWriter.Write(trace));
        var second = json.RootElement.GetProperty("traceEvents").EnumerateArray()
            .Single(e => e.GetProperty("ph").GetString() == "X" && e.GetProperty("args").GetProperty("step").GetInt64() == 1).GetProperty("args");

        Assert.That(second.GetProperty("source").GetString(), Does.StartWith("ChromeTraceTests.A_step_slice_carries_its_source_and_choices (lambda) (ChromeTraceTests.cs:"));
        Assert.That(second.GetProperty("choices").GetString(), Is.EqualTo(trace.Steps[1].Choices.Single()));
    }

    [Test]
    public void Sim_ToThread_jobs_are_slices_on_their_workers_tracks()
    {
        // Two workers, three 200 ms jobs submitted at 0: two start at once, the third waits for a free worker.
        var trace = Sim.Run(async () =>
        {
            await Task.WhenAll(Enumerable.Range(0, 3).Select(i => Sim.Spawn("caller" + i, () => Sim.ToThread(() => { }, TimeSpan.FromMilliseconds(200)))));
        }, new SimOptions { RecordTrace = true, WorkerThreads = 2 }).Trace;

        using var json = JsonDocument.Parse(ChromeTraceWriter.Write(trace));
        var events = json.RootElement.GetProperty("traceEvents").EnumerateArray().ToList();
        var jobs = events.Where(e => e.TryGetProperty("cat", out var c) && c.GetString() == "worker job")
            .Select(e => (e.GetProperty("name").GetString(), e.GetProperty("tid").GetInt32(), e.GetProperty("ts").GetDouble(), e.GetProperty("dur").GetDouble(), e.GetProperty("args").GetProperty("queued_us").GetDouble()))
            .ToList();

        Assert.That(jobs, Is.EqualTo(new[]
        {
            ("job of caller0", 1, 0.0, 200_000.0, 0.0),
            ("job of caller1", 2, 0.0, 200_000.0, 0.0),
            ("job of caller2", 1, 200_000.0, 200_000.0, 200_000.0),
        }));
        var names = events.Where(e => e.GetProperty("ph").GetString() == "M" && e.GetProperty("pid").GetInt32() == 2)
            .Select(e => e.GetProperty("args").GetProperty("name").GetString()).ToList();
        Assert.That(names, Is.EqualTo(new[] { "simulated worker pool (Sim.ToThread)", "worker 0", "worker 1" }));
    }

    private static IEnumerable<long> Steps(JsonDocument json) =>
        json.RootElement.GetProperty("traceEvents").EnumerateArray()
            .Where(e => e.GetProperty("ph").GetString() == "X" && e.TryGetProperty("args", out _))
            .Select(e => e.GetProperty("args").GetProperty("step").GetInt64());
}
