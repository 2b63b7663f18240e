namespace SimLoop.Tests.Tracing;

/// <summary>
/// The run the timeline tests draw: a heartbeat every 100 ms, a cruncher that holds the loop with 300 ms of CPU
/// from 150 ms (so the beat due at 200 ms runs at 450 ms: 250 ms late), and a fetcher whose three 200 ms
/// Sim.ToThread jobs share a pool of two workers (worker 1: 0-200 and 200-400 ms, worker 2: 0-200 ms).
/// </summary>
internal static class TimelineScenario
{
    public static SimResult Run(string cruncherName = "cruncher") => Sim.Run(async () =>
    {
        var heartbeat = Sim.Spawn("heartbeat", async () =>
        {
            for (var beat = 0; beat < 6; beat++)
            {
                await Sim.Delay(TimeSpan.FromMilliseconds(100));
            }
        });
        var cruncher = Sim.Spawn(cruncherName, async () =>
        {
            await Sim.Delay(TimeSpan.FromMilliseconds(150));
            Sim.Cpu(TimeSpan.FromMilliseconds(300), "parse a big JSON document");
        });
        var fetcher = Sim.Spawn("fetcher", () => Task.WhenAll(
            Sim.ToThread(() => { }, TimeSpan.FromMilliseconds(200)),
            Sim.ToThread(() => { }, TimeSpan.FromMilliseconds(200)),
            Sim.ToThread(() => { }, TimeSpan.FromMilliseconds(200))));
        await Task.WhenAll(heartbeat, cruncher, fetcher);
    }, new SimOptions { RecordTrace = true, WorkerThreads = 2 });

    /// <summary>Writes the page into a fresh temporary folder and returns its path.</summary>
    public static string WritePage(string html, string name)
    {
        var directory = Path.Combine(Path.GetTempPath(), "simloop-timeline-tests-" + Environment.ProcessId);
        var path = Path.Combine(directory, name + ".html");
        Directory.CreateDirectory(directory);
        File.WriteAllText(path, html);
        return path;
    }
}
