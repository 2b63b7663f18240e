using SimLoop.Showcase;
using SimLoop.Tests.Diagnostics;
using Snapshooter.NUnit;

namespace SimLoop.Tests.Showcase;

// The showcase is the main job: its numbers are the rules of cooperative scheduling checked on the simulated loop. Pinned, so
// a change to any scenario's output is a deliberate change to this snapshot.
public class ShowcaseTests
{
    [Test]
    public void Every_prediction_of_the_showcase_holds_and_its_output_is_pinned()
    {
        var directory = Path.Combine(Path.GetTempPath(), "simloop-showcase-" + Environment.ProcessId);
        var (text, allHold) = ShowcaseRunner.Run(directory);

        Assert.That(allHold, Is.True, text);
        Snapshot.Match(MessageText.WithoutLineNumbers(text));
    }

    [Test]
    public void The_showcase_writes_one_readable_trace_file_and_one_timeline_per_scenario()
    {
        var directory = Path.Combine(Path.GetTempPath(), "simloop-showcase-traces-" + Environment.ProcessId);
        ShowcaseRunner.Run(directory);

        var files = ShowcaseRunner.All.Select(s => Path.Combine(directory, s.Id + ".json")).ToList();
        Assert.That(files.Where(File.Exists), Is.EqualTo(files));
        foreach (var file in files)
        {
            using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(file));
            Assert.That(json.RootElement.GetProperty("traceEvents").GetArrayLength(), Is.GreaterThan(0), file);
        }

        var timelines = ShowcaseRunner.All.Select(s => Path.Combine(directory, s.Id + ".html")).ToList();
        Assert.That(timelines.Where(File.Exists), Is.EqualTo(timelines));
        Assert.That(File.ReadAllText(timelines[0]), Does.Contain("<dt>max loop lag</dt><dd>250 ms</dd>"), "the frozen loop's timeline");
    }
}
