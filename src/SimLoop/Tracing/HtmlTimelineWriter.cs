using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace SimLoop.Tracing;

/// <summary>
/// Writes a run as one self-contained HTML page: a header with the seed and replay token, the timeline (drawn by
/// an embedded script from <see cref="TimelineData"/>: a lane per task and per worker, the loop's occupancy, late
/// timers, slow steps, details on hover and click), a legend and the fairness table. No network: the style, the
/// script and the data are inline. Same run, same bytes: all text is culture-invariant and every user string is
/// escaped (HTML-encoded in the page, JSON-escaped with &lt; &gt; &amp; as \u escapes in the data).
/// </summary>
internal static class HtmlTimelineWriter
{
    private static readonly string s_style = Resource("timeline.css");
    // The script's three parts share one function scope: the run's data and words, drawing, interaction.
    private static readonly string s_script = "(function () {\n'use strict';\n\n"
        + Resource("timeline-run.js") + "\n" + Resource("timeline-draw.js") + "\n" + Resource("timeline-interact.js") + "})();\n";

    public static string Write(TimelineRun run)
    {
        var html = new StringBuilder(16 * 1024 + run.Trace.Steps.Count * 24);
        var status = run.Failure is { } f ? "failed: " + f.Kind.ToString() : "passed";
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>SimLoop timeline: ").Append(status).Append(", seed ").Append(TimeFormat.Hex(run.Seed)).Append("</title>\n")
            .Append("<style>\n").Append(s_style).Append("</style>\n</head>\n<body>\n");
        AppendHeader(html, run, status);
        AppendTimeline(html, run);
        html.Append("<section id=\"fairness\">\n<h2>Fairness</h2>\n");
        if (run.Fairness is { } fairness)
        {
            var lanes = TimelineData.TaskLanes(run);
            TimelineFairnessTable.Append(html, fairness, name => TimelineData.Colour(lanes.IndexOf(name)));
        }
        else
        {
            html.Append("<p>No fairness report was kept for this run.</p>\n");
        }

        html.Append("<p class=\"hint\">Definitions: docs/fairness.md and docs/timeline.md in the SimLoop repository.</p>\n</section>\n");
        if (run.Failure is { } failure)
        {
            html.Append("<section id=\"failure\">\n<h2>Failure report</h2>\n<pre>").Append(E(failure.Message)).Append("</pre>\n</section>\n");
        }

        html.Append("<script type=\"application/json\" id=\"timeline-data\">");
        using (var buffer = new MemoryStream())
        {
            using (var json = new Utf8JsonWriter(buffer))
            {
                TimelineData.Write(json, run);
            }

            html.Append(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        }

        html.Append("</script>\n<script>\n").Append(s_script).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendHeader(StringBuilder html, TimelineRun run, string status)
    {
        var trace = run.Trace;
        html.Append("<header>\n<h1>SimLoop timeline <span class=\"status ")
            .Append(run.Failure is null ? "passed" : "failed").Append("\">").Append(status).Append("</span></h1>\n");
        if (run.Failure is { } failure)
        {
            html.Append("<p class=\"what\">").Append(E(failure.What.Split('\n')[0])).Append("</p>\n");
        }

        html.Append("<dl class=\"run\">\n");
        Item(html, "seed", TimeFormat.Hex(run.Seed));
        if (run.Strategy is not null)
        {
            Item(html, "strategy", E(run.Strategy));
        }

        Item(html, "replay token", "<code id=\"replay-token\">" + E(run.ReplayToken) + "</code>");
        Item(html, "virtual time", TimeFormat.Duration(run.End));
        Item(html, "steps", trace.IsComplete
            ? N(trace.TotalSteps)
            : $"{N(trace.TotalSteps)} (the last {N(trace.Steps.Count)} are shown: run with SimOptions.RecordTrace = true for all)");
        Item(html, "trace hash", TimeFormat.Hex(trace.Hash));
        if (run.Fairness is { } fairness)
        {
            Item(html, "max loop lag", TimeFormat.Duration(fairness.MaxLoopLag));
        }

        // Only what works as printed: the token in the Replay option of Sim.Run or Sim.Explore. A [SimTest]'s own
        // replay command (a token scoped to its test) is in its failure message.
        html.Append("</dl>\n<p class=\"hint\">Replay it exactly: <code>new SimOptions { Replay = \"").Append(E(run.ReplayToken))
            .Append("\" }</code> with Sim.Run (or ExploreOptions with Sim.Explore); a [SimTest] failure message prints its own replay command.</p>\n</header>\n");
    }

    private static void AppendTimeline(StringBuilder html, TimelineRun run)
    {
        html.Append("<section id=\"timeline\">\n<div class=\"toolbar\">")
            .Append("<button type=\"button\" data-zoom=\"fit\">Fit</button>")
            .Append("<button type=\"button\" data-zoom=\"in\">Zoom in</button>")
            .Append("<button type=\"button\" data-zoom=\"out\">Zoom out</button>")
            .Append("<span id=\"range\"></span>")
            .Append("<span class=\"hint\">wheel: zoom, drag: pan, click a step: details</span></div>\n")
            .Append("<div id=\"chart\"><svg id=\"lanes\" role=\"img\" aria-label=\"timeline of the run's steps in virtual time\"></svg>")
            .Append("<div id=\"tip\" hidden></div></div>\n")
            .Append("<div id=\"details\">Click a step, a job or a mark for its details.</div>\n")
            .Append("<noscript><p>The timeline is drawn by a script: enable JavaScript to see it. The fairness table below needs none.</p></noscript>\n");
        if (run.Trace.WorkerJobs.Count == 0 && run.Fairness?.Workers.Jobs > 0)
        {
            html.Append("<p class=\"hint\">The run used the worker pool, but its jobs are recorded only with SimOptions.RecordTrace = true.</p>\n");
        }

        html.Append("<ul class=\"legend\">")
            .Append("<li><span class=\"key step\"></span>a step of the lane's task (its width: its Cpu + Block cost; a tick when it cost nothing)</li>")
            .Append("<li><span class=\"key block\"></span>a Sim.Block section</li>")
            .Append("<li><span class=\"key slow\"></span>a slow step (cost &gt;= ").Append(TimeFormat.Duration(run.SlowStepThreshold)).Append("), with its label</li>")
            .Append("<li><span class=\"key late\"></span>a timer that fired late: dashed from its due time to the step it woke, with the lateness</li>")
            .Append("<li><span class=\"key job\"></span>a Sim.ToThread job on a worker, in its task's colour</li>")
            .Append("<li><span class=\"key loop\"></span>loop occupancy: the share of each pixel column the loop was held</li>")
            .Append("<li><span class=\"key dense\"></span>zoomed out: the steps of one pixel column drawn together, darker when more</li>")
            .Append("</ul>\n</section>\n");
    }

    private static void Item(StringBuilder html, string name, string valueHtml) =>
        html.Append("<div><dt>").Append(name).Append("</dt><dd>").Append(valueHtml).Append("</dd></div>\n");

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Resource(string name)
    {
        using var stream = typeof(HtmlTimelineWriter).Assembly.GetManifestResourceStream("SimLoop.Timeline." + name)
            ?? throw new InvalidOperationException($"The SimLoop assembly lacks its embedded resource SimLoop.Timeline.{name}: the build is broken.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }
}
