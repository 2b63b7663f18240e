using SimLoop.Tests.Docs;
using System.Text.RegularExpressions;
using Snapshooter.NUnit;

namespace SimLoop.Tests.Fairness;

public partial class FairnessReportTests
{
    [Test]
    public void The_report_table_is_pinned()
    {
        Snapshot.Match(WorkedExample.Run().Fairness.ToString());
    }

    [Test]
    public void The_worked_example_of_the_documentation_gives_the_documented_numbers()
    {
        var report = WorkedExample.Run().Fairness;
        var heartbeat = report.Task("heartbeat");
        var importer = report.Task("importer");

        Assert.Multiple(() =>
        {
            // Beat 1 due at 100 ms runs on time; beat 2 due at 200 ms falls inside parse CSV [150, 270) and the
            // importer's yield is queued first, so it waits for fsync too: it runs at 350 ms, 150 ms late.
            Assert.That(heartbeat.MaxTimerLateness, Is.EqualTo(TimeSpan.FromMilliseconds(150)));
            Assert.That(heartbeat.TotalSchedulingDelay, Is.EqualTo(TimeSpan.FromMilliseconds(150)));
            Assert.That(report.MaxLoopLag, Is.EqualTo(TimeSpan.FromMilliseconds(150)));
            Assert.That(importer.CpuTime, Is.EqualTo(TimeSpan.FromMilliseconds(120)));
            Assert.That(importer.BlockTime, Is.EqualTo(TimeSpan.FromMilliseconds(80)));
            Assert.That(report.LoopBusy, Is.EqualTo(TimeSpan.FromMilliseconds(200)));
            Assert.That(report.Elapsed, Is.EqualTo(TimeSpan.FromMilliseconds(450)));
            Assert.That(report.Workers.BusyTime, Is.EqualTo(TimeSpan.FromMilliseconds(250)));
            Assert.That(report.Workers.Utilization, Is.EqualTo(250.0 / 450.0));
            Assert.That(report.JainIndex, Is.EqualTo(1.0), "only the importer held the loop");
            Assert.That(report.SlowSteps.Select(s => (s.Task, s.Label, s.Kind, s.Duration)), Is.EqualTo(new[]
            {
                ("importer", (string?)"parse CSV", SectionKind.Cpu, TimeSpan.FromMilliseconds(120)),
            }));
        });
    }

    [Test]
    public void The_documentation_shows_exactly_the_table_the_worked_example_prints()
    {
        var document = File.ReadAllText(Path.Combine(Repository.Root, "docs", "fairness.md"));
        var table = FencedBlock().Match(document);
        Assert.That(table.Success, Is.True, "docs/fairness.md has no ```text block with the report");
        Assert.That(table.Groups["table"].Value.TrimEnd(), Is.EqualTo(WorkedExample.Run().Fairness.ToString()));
    }

    [Test]
    public void An_unknown_task_name_lists_the_names_there_are()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => WorkedExample.Run().Fairness.Task("uploder"))!;
        Assert.That(error.Message, Is.EqualTo(
            "The run has no task named 'uploder'. Its tasks are: 'main', 'heartbeat', 'importer', 'uploader'. " +
            "Names come from Sim.Spawn(name, ...); the entry task is 'main'; a repeated name gets a suffix (#2, #3, ...)."));
    }

    [Test]
    public void A_violated_bound_fails_with_the_measurement_and_the_table()
    {
        var report = WorkedExample.Run().Fairness;

        var lag = Assert.Throws<FairnessAssertionException>(() => report.AssertMaxLoopLag(TimeSpan.FromMilliseconds(100)))!;
        Assert.That(lag.Message, Does.StartWith("Fairness bound violated: the loop lag was 150 ms, more than the 100 ms allowed.\n\ntask "));
        var delay = Assert.Throws<FairnessAssertionException>(() => report.AssertSchedulingDelay("heartbeat", TimeSpan.FromMilliseconds(149)))!;
        Assert.That(delay.Message, Does.StartWith("Fairness bound violated: task 'heartbeat' waited 150 ms for the loop, more than the 149 ms allowed."));
        var slow = Assert.Throws<FairnessAssertionException>(() => report.AssertNoSlowSteps())!;
        Assert.That(slow.Message, Does.StartWith("Fairness bound violated: 1 step(s) held the loop for 100 ms or more; the first: task 'importer' at 00:00:00.150, 120 ms (parse CSV)."));
    }

    [Test]
    public void Bounds_that_hold_return_the_report_for_chaining()
    {
        var report = WorkedExample.Run().Fairness;
        Assert.That(report.AssertMaxLoopLag(TimeSpan.FromMilliseconds(150)).AssertSchedulingDelay("uploader", TimeSpan.FromMilliseconds(50)), Is.SameAs(report));
    }


    [GeneratedRegex(@"```text\n(?<table>task .*?)```", RegexOptions.Singleline)]
    private static partial Regex FencedBlock();
}
