using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using SimLoop.Tracing;

namespace SimLoop.Tests.Tracing;

// The page's text and data, without a browser (TimelineInBrowserTests runs the script).
public class HtmlTimelineTests
{
    [Test]
    public void The_header_advises_only_a_replay_that_works_as_printed()
    {
        var run = TimelineScenario.Run();

        var html = run.ToHtmlTimeline();

        Assert.That(html, Does.Contain($"Replay it exactly: <code>new SimOptions {{ Replay = \"{run.ReplayToken}\" }}</code> with Sim.Run (or ExploreOptions with Sim.Explore); a [SimTest] failure message prints its own replay command."));
        Assert.That(html, Does.Not.Contain("SIMLOOP_REPLAY"), "the engine's tokens name no test; the environment variable refuses them");
    }

    [Test]
    public void The_same_run_writes_a_byte_identical_page()
    {
        var first = TimelineScenario.Run();
        var second = TimelineScenario.Run();
        var directory = Directory.CreateTempSubdirectory("simloop-timeline-");
        var a = Path.Combine(directory.FullName, "a", "run.html");
        var b = Path.Combine(directory.FullName, "b", "run.html");

        first.WriteHtmlTimeline(a);
        second.WriteHtmlTimeline(b);

        Assert.That(File.ReadAllBytes(b), Is.EqualTo(File.ReadAllBytes(a)));
        Assert.That(File.ReadAllText(a), Is.EqualTo(first.ToHtmlTimeline()));
        directory.Delete(recursive: true);
    }

    [Test]
    public void The_page_does_not_depend_on_the_current_culture()
    {
        var run = TimelineScenario.Run();
        var invariant = run.ToHtmlTimeline();
        var odd = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        odd.NumberFormat.NumberDecimalSeparator = ",";
        odd.NumberFormat.NumberGroupSeparator = ".";
        odd.NumberFormat.NegativeSign = "~";
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = odd;
            Assert.That(run.ToHtmlTimeline(), Is.EqualTo(invariant));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Test]
    public void Task_names_and_labels_are_escaped_in_the_page_and_in_its_data()
    {
        const string name = "<img src=x onerror=alert(1)>&\"'";
        var html = TimelineScenario.Run(cruncherName: name).ToHtmlTimeline();

        Assert.That(html, Does.Not.Contain("<img"));
        Assert.That(html, Does.Contain("<tr data-task=\"&lt;img src=x onerror=alert(1)&gt;&amp;&quot;&#39;\">"));
        Assert.That(Data(html).GetProperty("lanes")[2].GetProperty("name").GetString(), Is.EqualTo(name));
        Assert.That(DataText(html), Does.Contain("\\u003Cimg src=x onerror=alert(1)\\u003E\\u0026"));
    }

    [Test]
    public void The_header_names_the_seed_strategy_and_replay_token()
    {
        var run = TimelineScenario.Run();
        var html = run.ToHtmlTimeline();

        Assert.That(html, Does.Contain("<title>SimLoop timeline: passed, seed 0x0</title>"));
        Assert.That(html, Does.Contain("<dt>seed</dt><dd>0x0</dd>"));
        Assert.That(html, Does.Contain("<dt>strategy</dt><dd>fifo</dd>"));
        Assert.That(html, Does.Contain($"<code id=\"replay-token\">{run.ReplayToken}</code>"));
        Assert.That(html, Does.Contain("<dt>virtual time</dt><dd>850 ms</dd>"));
        Assert.That(html, Does.Not.Contain("http://").And.Not.Contain("https://"), "the page loads nothing from the network");
    }

    [Test]
    public void A_late_timer_is_marked_with_its_lateness_and_the_section_that_caused_it()
    {
        var data = Data(TimelineScenario.Run().ToHtmlTimeline());
        var late = data.GetProperty("late");

        Assert.That(Strings(late.GetProperty("text")), Is.EqualTo(new[] { "250 ms late" }));
        Assert.That(Strings(late.GetProperty("why")), Is.EqualTo(new[]
        {
            "late by a + c - d = 150 + 300 - 200 = 250 ms: cruncher's step #5 started at a and cost c (cpu \"parse a big JSON document\"), the timer was due at d",
        }));
        Assert.That(Strings(data.GetProperty("slow").GetProperty("text")), Is.EqualTo(new[] { "cpu \"parse a big JSON document\"" }));
    }

    [Test]
    public void Lateness_after_several_steps_names_them_and_the_longest()
    {
        var result = Sim.Run(async () =>
        {
            var heartbeat = Sim.Spawn("heartbeat", async () => await Sim.Delay(TimeSpan.FromMilliseconds(100)));
            var first = Sim.Spawn("first", async () =>
            {
                await Sim.Delay(TimeSpan.FromMilliseconds(80));
                Sim.Cpu(TimeSpan.FromMilliseconds(60), "encode");
            });
            var second = Sim.Spawn("second", async () =>
            {
                await Sim.Delay(TimeSpan.FromMilliseconds(80));
                Sim.Block(TimeSpan.FromMilliseconds(50));
            });
            await Task.WhenAll(heartbeat, first, second);
        }, new SimOptions { RecordTrace = true });

        var late = Data(result.ToHtmlTimeline()).GetProperty("late");

        Assert.That(Strings(late.GetProperty("text")), Is.EqualTo(new[] { "60 ms late", "90 ms late" }));
        Assert.That(Strings(late.GetProperty("why"))[1], Is.EqualTo(
            "late by s - d = 190 - 100 = 90 ms: the timer was due at d and its step started at s; " +
            "in between the loop ran 2 steps costing 110 ms, the longest first's step #4 (60 ms, cpu \"encode\")"));
    }

    [Test]
    public void Worker_lanes_hold_each_job_on_the_worker_that_ran_it()
    {
        var data = Data(TimelineScenario.Run().ToHtmlTimeline());
        var lanes = data.GetProperty("lanes").EnumerateArray().Select(l => l.GetProperty("kind").GetString() + ":" + l.GetProperty("name").GetString());
        var jobs = data.GetProperty("jobs");

        Assert.That(lanes, Is.EqualTo(new[] { "task:main", "task:heartbeat", "task:cruncher", "task:fetcher", "worker:worker 1", "worker:worker 2" }));
        Assert.That(Numbers(jobs.GetProperty("lane")), Is.EqualTo(new long[] { 4, 5, 4 }));
        Assert.That(Numbers(jobs.GetProperty("task")), Is.EqualTo(new long[] { 3, 3, 3 }));
        Assert.That(Numbers(jobs.GetProperty("started")), Is.EqualTo(new[] { 0L, 0, 200 }.Select(Ms)));
        Assert.That(Numbers(jobs.GetProperty("finished")), Is.EqualTo(new[] { 200L, 200, 400 }.Select(Ms)));
    }

    [Test]
    public void A_failure_page_marks_the_failing_step_and_where_it_threw()
    {
        var failure = Assert.Throws<SimulationFailedException>(() => Sim.Run(async () =>
        {
            await Sim.Delay(TimeSpan.FromMilliseconds(5));
            throw new InvalidOperationException("<boom>");
        }, new SimOptions { RecordTrace = true }))!.Failure;

        var html = failure.ToHtmlTimeline();
        var marked = Data(html).GetProperty("failure");

        Assert.That(html, Does.Contain("<span class=\"status failed\">failed: Exception</span>"));
        Assert.That(html, Does.Contain("InvalidOperationException: &lt;boom&gt;"));
        Assert.That(marked.GetProperty("step").GetInt32(), Is.EqualTo(1));
        Assert.That(marked.GetProperty("source").GetString(), Does.Match(@"^SimLoop\.Tests\.Tracing\.HtmlTimelineTests\.<>c\.<<A_failure_page_marks_the_failing_step_and_where_it_threw>b__\d+_\d+>d\.MoveNext\(\) in HtmlTimelineTests\.cs:line \d+$"));
        Assert.That(html, Does.Contain("<tr data-task=\"main\">"), "the fairness table up to the failure");
    }

    [Test]
    public void Without_RecordTrace_the_page_shows_the_last_steps_and_says_so()
    {
        var result = Sim.Run(async () =>
        {
            await Sim.ToThread(() => { }, TimeSpan.FromMilliseconds(10));
            for (var i = 0; i < 99; i++)
            {
                await Sim.Yield();
            }
        });

        var html = result.ToHtmlTimeline();

        Assert.That(html, Does.Contain("<dt>steps</dt><dd>101 (the last 64 are shown: run with SimOptions.RecordTrace = true for all)</dd>"));
        Assert.That(html, Does.Contain("The run used the worker pool, but its jobs are recorded only with SimOptions.RecordTrace = true."));
        Assert.That(Data(html).GetProperty("firstIndex").GetInt64(), Is.EqualTo(37));
        Assert.That(Data(html).GetProperty("lanes").GetArrayLength(), Is.EqualTo(1), "main, and no worker lanes");
    }

    private static long Ms(long milliseconds) => milliseconds * TimeSpan.TicksPerMillisecond;

    private static string DataText(string html) =>
        Regex.Match(html, "<script type=\"application/json\" id=\"timeline-data\">(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;

    private static JsonElement Data(string html) => JsonDocument.Parse(DataText(html)).RootElement;

    private static string?[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()).ToArray();

    private static long[] Numbers(JsonElement array) => array.EnumerateArray().Select(e => e.GetInt64()).ToArray();
}
