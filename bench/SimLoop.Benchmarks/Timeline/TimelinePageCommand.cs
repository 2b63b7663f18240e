using System.Globalization;

namespace SimLoop.Benchmarks.Timeline;

/// <summary>`timeline-page &lt;path&gt;`: writes the timeline of <see cref="TimelineWorkload"/>'s run, for timing a browser on it.</summary>
public static class TimelinePageCommand
{
    public static int Run(string[] args)
    {
        if (args.Length != 1)
        {
            Console.Error.WriteLine("usage: timeline-page <path of the .html file to write>");
            return 2;
        }

        var run = TimelineWorkload.Run(TimelineWorkload.Steps);
        run.WriteHtmlTimeline(args[0]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{args[0]}: {run.Steps:N0} steps, {run.Elapsed.TotalSeconds:0.###} s of virtual time, {new FileInfo(args[0]).Length:N0} bytes, {run.Fairness.SlowSteps.Count} slow steps, max loop lag {run.Fairness.MaxLoopLag.TotalMilliseconds} ms"));
        return 0;
    }
}
