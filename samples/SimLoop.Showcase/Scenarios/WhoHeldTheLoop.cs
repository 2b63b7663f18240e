namespace SimLoop.Showcase.Scenarios;

/// <summary>
/// asyncio.current_task() and tracing show where the loop is stuck. Every SimLoop step knows
/// its task: the report names who held the loop and for how long, and the trace file shows it on a timeline
/// (one row per task). Three services share the loop; the report points at the one that hogs it.
/// </summary>
internal sealed class WhoHeldTheLoop : Scenario
{
    public override string Id => "who-held-the-loop";

    public override string Title => "Every step knows its task: who held the loop, when, for how long";

    public override ScenarioReport Run(string traceDirectory)
    {
        var result = Sim.Run(async () =>
        {
            async Task Service(int requests, TimeSpan cost, string work)
            {
                for (var i = 0; i < requests; i++)
                {
                    await Sim.Delay(TimeSpan.FromMilliseconds(100));
                    Sim.Cpu(cost, work);
                }
            }

            await Task.WhenAll(
                Sim.Spawn("auth", () => Service(5, TimeSpan.FromMilliseconds(2), "verify token")),
                Sim.Spawn("search", () => Service(5, TimeSpan.FromMilliseconds(150), "rank results")),
                Sim.Spawn("metrics", () => Service(5, TimeSpan.FromMilliseconds(1), "export")));
        }, new SimOptions { RecordTrace = true });

        var hog = result.Fairness.Tasks.MaxBy(t => t.LoopTime)!;
        return new ScenarioReport(
            [
                new Check("task that held the loop longest", "search (750 ms)", $"{hog.Name} ({Format.Ms(hog.LoopTime)})"),
                new Check("slow steps (>= 100 ms), all by", "search x5", $"{string.Join(",", result.Fairness.SlowSteps.Select(s => s.Task).Distinct())} x{result.Fairness.SlowSteps.Count}"),
                new Check("Jain index over loop time, (10+750+5)^2 / (3 x (10^2+750^2+5^2)); 1 = fair", "0.347", result.Fairness.JainIndex.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)),
            ],
            result.Fairness.ToString(),
            WriteTrace(result, traceDirectory));
    }
}
