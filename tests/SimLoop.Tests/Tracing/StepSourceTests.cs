using System.Runtime.CompilerServices;

namespace SimLoop.Tests.Tracing;

// A complete trace says where each step's code resumed (method, file and the line of the await it resumes after;
// a task's first step: the line of its first statement)
// and which Sim.Chance/Choose outcomes it drew, so a failure's step list reads as a path through the source.
public class StepSourceTests
{
    private static async Task Scenario()
    {
        var worker = Sim.Spawn("worker", Work);
        await Sim.Yield(); // main resumes here
        if (Sim.Chance(0.5))
        {
            Sim.Choose(3);
        }

        await worker; // main resumes here too

        static async Task Work()
        {
            await Sim.Delay(TimeSpan.FromMilliseconds(5)); // the worker resumes here
        }
    }

    [Test]
    public void Each_step_names_the_method_file_and_line_it_resumed_at()
    {
        var steps = Sim.Run(Scenario, new SimOptions { RecordTrace = true, Seed = 4 }).Trace.Steps;

        Assert.That(steps.Select(s => (s.Task, s.Source)), Is.EqualTo(new[]
        {
            ("main", $"StepSourceTests.Scenario (StepSourceTests.cs:{LineOf("var worker = Sim.Spawn")})"),
            ("worker", $"StepSourceTests.Work (in Scenario) (StepSourceTests.cs:{LineOf("// the worker resumes here")})"),
            ("main", $"StepSourceTests.Scenario (StepSourceTests.cs:{LineOf("// main resumes here")})"),
            ("worker", $"StepSourceTests.Work (in Scenario) (StepSourceTests.cs:{LineOf("// the worker resumes here")})"),
            ("main", $"StepSourceTests.Scenario (StepSourceTests.cs:{LineOf("// main resumes here too")})"),
        }));
    }

    [Test]
    public void A_step_lists_the_chances_and_choices_it_drew_and_the_text_shows_both()
    {
        var trace = Sim.Run(Scenario, new SimOptions { RecordTrace = true, Seed = 4 }).Trace;
        var third = trace.Steps[2];

        Assert.That(third.Choices, Is.EqualTo(Sim.Run(Scenario, new SimOptions { RecordTrace = true, Seed = 4 }).Trace.Steps[2].Choices));
        Assert.That(third.Choices[0], Does.Match("^chance 0.5: (yes|no)$"));
        Assert.That(third.Choices, Has.Count.EqualTo(third.Choices[0] == "chance 0.5: yes" ? 2 : 1));
        Assert.That(trace.ToText(), Does.Contain($"  [{string.Join("; ", third.Choices)}]  in StepSourceTests.Scenario (StepSourceTests.cs:{LineOf("// main resumes here")})"));
    }

    [Test]
    public void A_run_without_a_complete_trace_records_no_sources()
    {
        var steps = Sim.Run(Scenario, new SimOptions { Seed = 4 }).Trace.Steps;

        Assert.That(steps.Select(s => s.Source), Is.All.Null);
        Assert.That(steps.SelectMany(s => s.Choices), Is.Empty);
    }

    private static int LineOf(string marker, [CallerFilePath] string file = "") =>
        Array.FindIndex(File.ReadAllLines(file), line => line.Contains(marker, StringComparison.Ordinal) && !line.Contains("LineOf", StringComparison.Ordinal)) + 1;
}
