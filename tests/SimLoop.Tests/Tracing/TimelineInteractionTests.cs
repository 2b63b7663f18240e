using System.Text.Json;

namespace SimLoop.Tests.Tracing;

// The timeline driven with real mouse events in headless chromium (DevTools protocol): hover, click, wheel.
public class TimelineInteractionTests
{
    [Test]
    public void Clicking_the_late_beat_pins_its_details_with_the_lateness_formula()
    {
        using var page = Open();
        var (x, y) = Centre(page, "#lanes g.late path.late-mark");
        var lane = Centre(page, "#lanes g[data-lane='heartbeat'] text.lane-name");

        page.Click(x, lane.Y);

        Assert.That(page.Text("document.getElementById('details').innerText"), Is.EqualTo(
            "step #6 of task heartbeat\n" +
            "ready at 200 ms (timer), started at 450 ms, waited 250 ms, cost 0 ms\n" +
            "resumed in TimelineScenario.Run (lambda) (TimelineScenario.cs:16)\n" +
            "timer 250 ms late: late by a + c - d = 150 + 300 - 200 = 250 ms: cruncher's step #5 started at a and cost c (cpu \"parse a big JSON document\"), the timer was due at d"));
        Assert.That(page.Evaluate("document.querySelectorAll('#lanes .selected').length").GetInt32(), Is.EqualTo(1));
        Assert.That(y, Is.LessThan(lane.Y), "the mark sits above the middle of the heartbeat's lane");
    }

    [Test]
    public void Hovering_the_slow_step_shows_its_section_and_slowness()
    {
        using var page = Open();
        var (x, y) = Centre(page, "#lanes g[data-lane='cruncher'] rect.slow");

        page.Move(x, y);

        Assert.That(page.Evaluate("document.getElementById('tip').hidden").GetBoolean(), Is.False);
        Assert.That(page.Text("document.getElementById('tip').innerText"), Is.EqualTo(
            "step #5 of task cruncher\n" +
            "ready at 150 ms (timer), started at 150 ms, waited 0 ms, cost 300 ms\n" +
            "resumed in TimelineScenario.Run (lambda) (TimelineScenario.cs:21)\n" +
            "cpu 300 ms \"parse a big JSON document\" from 150 ms\n" +
            "slow step: cost 300 ms >= 100 ms"));
    }

    [Test]
    public void Hovering_a_job_on_a_worker_shows_its_queueing()
    {
        using var page = Open();
        var bars = page.Evaluate("[...document.querySelectorAll(\"#lanes g[data-lane='worker 1'] rect[stroke]\")].map(r => { const b = r.getBoundingClientRect(); return [b.x + b.width / 2, b.y + b.height / 2]; })");

        page.Move(bars[1][0].GetDouble(), bars[1][1].GetDouble());

        Assert.That(page.Text("document.getElementById('tip').innerText"), Is.EqualTo(
            "Sim.ToThread job of task fetcher on worker 1\n" +
            "submitted at 0 ms, started at 200 ms (queued 200 ms), finished at 400 ms, cost 200 ms"));
    }

    [Test]
    public void The_wheel_zooms_around_the_pointer_and_Fit_shows_the_whole_run_again()
    {
        using var page = Open();
        var range = "document.getElementById('range').textContent";
        Assert.That(page.Text(range), Is.EqualTo("showing 0 ms to 850 ms of 850 ms"));
        var (x, y) = Centre(page, "#lanes g.late path.late-mark");

        for (var i = 0; i < 8; i++)
        {
            page.Wheel(x, y + 20, deltaY: -100);
        }

        var zoomed = page.Text(range);
        Assert.That(zoomed, Does.Match(@"^showing \d+(\.\d)? (ms|us) to \d+(\.\d)? (ms|us) of 850 ms$").And.Not.EqualTo("showing 0 ms to 850 ms of 850 ms"));
        Assert.That(page.Evaluate("document.querySelectorAll('#lanes .late-label').length").GetInt32(), Is.EqualTo(1), "the late beat stays in view: the zoom is centred on it");

        page.Click(Centre(page, "button[data-zoom='fit']").X, Centre(page, "button[data-zoom='fit']").Y);
        Assert.That(page.Text(range), Is.EqualTo("showing 0 ms to 850 ms of 850 ms"));
    }

    private static ChromiumSession Open() =>
        ChromiumSession.Open(TimelineScenario.WritePage(TimelineScenario.Run().ToHtmlTimeline(), "interaction"), 1200, 800);

    private static (double X, double Y) Centre(ChromiumSession page, string selector)
    {
        var box = page.Evaluate($"(() => {{ const e = document.querySelector({JsonSerializer.Serialize(selector)}); if (!e) return null; const b = e.getBoundingClientRect(); return [b.x + b.width / 2, b.y + b.height / 2]; }})()");
        Assert.That(box.ValueKind, Is.EqualTo(JsonValueKind.Array), $"nothing in the page matches {selector}");
        return (box[0].GetDouble(), box[1].GetDouble());
    }
}
