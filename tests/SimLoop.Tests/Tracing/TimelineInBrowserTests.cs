using System.Net;
using System.Text.RegularExpressions;

namespace SimLoop.Tests.Tracing;

// The timeline page in a real browser (headless chromium): the script runs and draws what the run holds.
public class TimelineInBrowserTests
{
    [Test]
    public void The_script_draws_a_lane_per_task_and_per_worker_under_the_loop()
    {
        var dom = Render("lanes");

        var lanes = Regex.Matches(dom, "<g class=\"lane (task|worker)\" data-lane=\"([^\"]*)\" data-kind=\"\\1\">").Select(m => m.Groups[1].Value + ":" + m.Groups[2].Value);
        Assert.That(lanes, Is.EqualTo(new[] { "task:main", "task:heartbeat", "task:cruncher", "task:fetcher", "worker:worker 1", "worker:worker 2" }));
        Assert.That(dom, Does.Contain("<g class=\"lane loop\" data-lane=\"loop\">"));
        Assert.That(JobBars(dom, "worker 1"), Is.EqualTo(2), "worker 1 ran two jobs: 0-200 and 200-400 ms");
        Assert.That(JobBars(dom, "worker 2"), Is.EqualTo(1), "worker 2 ran one job: 0-200 ms");
        Assert.That(Texts(dom, "tick-label").Take(3), Is.EqualTo(new[] { "0 ms", "100 ms", "200 ms" }));
    }

    [Test]
    public void The_late_heartbeat_is_marked_250_ms_late_and_the_slow_section_is_labelled()
    {
        var dom = Render("marks");

        Assert.That(Texts(dom, "late-label"), Is.EqualTo(new[] { "250 ms late" }));
        Assert.That(Texts(dom, "slow-label"), Is.EqualTo(new[] { "cpu \"parse a big JSON document\"" }));
    }

    [Test]
    public void The_fairness_table_has_a_row_per_task_with_the_heartbeats_lateness()
    {
        var dom = Render("table");

        var rows = Regex.Matches(dom, "<tr data-task=\"([^\"]*)\">(.*?)</tr>").ToDictionary(m => m.Groups[1].Value, m => Regex.Matches(m.Groups[2].Value, "<td[^>]*>(?:<span[^>]*></span>)?([^<]*)</td>").Select(c => c.Groups[1].Value).ToArray());
        Assert.That(rows.Keys, Is.EqualTo(new[] { "main", "heartbeat", "cruncher", "fetcher" }));
        Assert.That(rows["heartbeat"], Is.EqualTo(new[] { "heartbeat", "7", "0 ms", "0 ms", "250 ms", "250 ms", "250 ms", "0", "0 ms" }));
        Assert.That(rows["cruncher"], Is.EqualTo(new[] { "cruncher", "2", "300 ms", "0 ms", "0 ms", "0 ms", "0 ms", "0", "0 ms" }));
        Assert.That(rows["fetcher"], Is.EqualTo(new[] { "fetcher", "1", "0 ms", "0 ms", "0 ms", "0 ms", "-", "3", "600 ms" }));
    }

    [Test]
    public void A_step_named_in_the_link_is_selected_with_its_details_and_the_lateness_formula()
    {
        var late = TimelineScenario.Run().Trace.Steps.Single(s => s.Reason == ReadyReason.Timer && s.SchedulingDelay > TimeSpan.Zero);
        Assert.That(late.Index, Is.EqualTo(6));

        var dom = Render("details", "#step=6");

        var details = WebUtility.HtmlDecode(Regex.Replace(Regex.Match(dom, "<div id=\"details\">(.*?)</div>").Groups[1].Value, "<br>", "\n"));
        Assert.That(Regex.Replace(details, "</?b>", ""), Is.EqualTo(
            "step #6 of task heartbeat\n" +
            "ready at 200 ms (timer), started at 450 ms, waited 250 ms, cost 0 ms\n" +
            "resumed in TimelineScenario.Run (lambda) (TimelineScenario.cs:16)\n" +
            "timer 250 ms late: late by a + c - d = 150 + 300 - 200 = 250 ms: cruncher's step #5 started at a and cost c (cpu \"parse a big JSON document\"), the timer was due at d"));
        Assert.That(dom, Does.Contain("class=\"selected\""));
    }

    [Test]
    public void A_page_of_the_last_steps_numbers_them_as_in_the_run()
    {
        var result = Sim.Run(async () =>
        {
            for (var i = 0; i < 99; i++)
            {
                await Sim.Yield();
            }
        });
        var page = TimelineScenario.WritePage(result.ToHtmlTimeline(), "tail");

        var dom = Chromium.DumpDom(page, "#step=99");

        Assert.That(dom, Does.Contain("data-rendered=\"true\""));
        Assert.That(dom, Does.Contain("<div id=\"details\"><b>step #99</b> of task <b>main</b><br>ready at 0 ms (yield), started at 0 ms, waited 0 ms, cost 0 ms</div>"));
        Assert.That(Regex.Match(dom, "<span id=\"range\">([^<]*)</span>").Groups[1].Value, Is.EqualTo("step order: #36 to #99 (every step ran at the same instant)"));
    }

    [Test]
    public void A_failure_page_marks_the_last_step_with_the_failure_and_where_it_threw()
    {
        var failure = Assert.Throws<SimulationFailedException>(() => Sim.Run(async () =>
        {
            await Sim.Delay(TimeSpan.FromMilliseconds(5));
            throw new InvalidOperationException("boom");
        }, new SimOptions { RecordTrace = true }))!.Failure;
        var page = TimelineScenario.WritePage(failure.ToHtmlTimeline(), "failure");

        var dom = Chromium.DumpDom(page, "#step=1");

        Assert.That(dom, Does.Contain("data-rendered=\"true\""));
        Assert.That(dom, Does.Contain("<path class=\"failed-mark\""));
        var details = Regex.Match(dom, "<div id=\"details\">(.*?)</div>").Groups[1].Value;
        Assert.That(details, Does.StartWith("<b>step #1</b> of task <b>main</b><br>ready at 5 ms (timer), started at 5 ms, waited 0 ms, cost 0 ms<br>"));
        Assert.That(details, Does.Match(@"<b>the run failed in or after this step</b> \(Exception\), thrown at SimLoop\.Tests\.Tracing\.TimelineInBrowserTests\.[^ ]+ in TimelineInBrowserTests\.cs:line \d+$"));
    }

    [Test]
    public void A_task_name_that_looks_like_markup_is_drawn_as_text()
    {
        var html = TimelineScenario.Run(cruncherName: "<img src=x onerror=alert(1)>").ToHtmlTimeline();
        var dom = Chromium.DumpDom(TimelineScenario.WritePage(html, "escaping"));

        Assert.That(dom, Does.Contain("data-rendered=\"true\""));
        Assert.That(dom, Does.Not.Contain("<img"));
        Assert.That(WebUtility.HtmlDecode(string.Join("|", Texts(dom, "lane-name task"))), Is.EqualTo("main|heartbeat|<img src=x onerror=alert(1)>|fetcher"));
    }

    [Test]
    public void A_screenshot_of_the_page_shows_the_lanes_marks_and_loop_in_their_colours()
    {
        var page = TimelineScenario.WritePage(TimelineScenario.Run().ToHtmlTimeline(), "screenshot");

        var (width, height, pixels) = PngPixels.Decode(Chromium.Screenshot(page, 1200, 800));

        Assert.That((width, height), Is.EqualTo((1200, 800)));
        var colours = pixels.ToHashSet();
        Assert.That(colours, Has.Count.GreaterThan(50), "a blank or unstyled page has a handful of colours");
        Assert.That(colours, Does.Contain(0xB07AA1), "the cruncher's slow step, in its lane's colour");
        Assert.That(colours, Does.Contain(0xC92A2A), "the slow step's red outline");
        Assert.That(colours, Does.Contain(0xE67700), "the late timer's orange mark");
        Assert.That(colours, Does.Contain(0x495057), "the loop occupancy bars");
    }

    private static string Render(string name, string fragment = "")
    {
        var dom = Chromium.DumpDom(TimelineScenario.WritePage(TimelineScenario.Run().ToHtmlTimeline(), name), fragment);
        Assert.That(dom, Does.Not.Contain("id=\"script-error\""), "the timeline script failed in the browser");
        Assert.That(dom, Does.Contain("<body data-rendered=\"true\""), "the timeline script did not finish");
        return dom;
    }

    private static string[] Texts(string dom, string cssClass) =>
        Regex.Matches(dom, $"<text class=\"{Regex.Escape(cssClass)}(?: [^\"]*)?\"[^>]*>([^<]*)</text>").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToArray();

    private static int JobBars(string dom, string worker)
    {
        var lane = Regex.Match(dom, $"data-lane=\"{worker}\" data-kind=\"worker\">(.*?)</g></g>").Groups[1].Value;
        return Regex.Count(lane, "<rect [^>]*stroke=\"#868e96\"");
    }
}
