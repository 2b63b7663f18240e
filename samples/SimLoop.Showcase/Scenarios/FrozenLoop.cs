namespace SimLoop.Showcase.Scenarios;

/// <summary>
/// the loop switches only at an await, so a CPU-bound section freezes every other task.
/// A heartbeat ticks every 100 ms; at 150 ms a cruncher runs 300 ms of CPU without awaiting. The heartbeat due at
/// 200 ms can only run when the section ends at 450 ms: late by exactly a + c - d = 150 + 300 - 200 = 250 ms.
/// </summary>
internal sealed class FrozenLoop : Scenario
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan SectionStart = TimeSpan.FromMilliseconds(150);
    private static readonly TimeSpan SectionCost = TimeSpan.FromMilliseconds(300);

    public override string Id => "frozen-loop";

    public override string Title => "A CPU-bound section freezes the whole loop";

    public override ScenarioReport Run(string traceDirectory)
    {
        var lateness = new List<TimeSpan>();
        var result = Sim.Run(async () =>
        {
            var heartbeat = Sim.Spawn("heartbeat", async () =>
            {
                for (var beat = 1; beat <= 6; beat++)
                {
                    var due = Sim.Elapsed + Period;
                    await Sim.Delay(Period);
                    lateness.Add(Sim.Elapsed - due);
                }
            });
            var cruncher = Sim.Spawn("cruncher", async () =>
            {
                await Sim.Delay(SectionStart);
                Sim.Cpu(SectionCost, "parse a big JSON document");
            });
            await Task.WhenAll(heartbeat, cruncher);
        }, new SimOptions { RecordTrace = true });

        // The beat due at 200 ms is the only one the section overlaps.
        var predicted = SectionStart + SectionCost - 2 * Period;
        var tracePath = WriteTrace(result, traceDirectory);
        return new ScenarioReport(
            [
                new Check("late beats", "1", lateness.Count(l => l > TimeSpan.Zero).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Check("heartbeat lateness, a + c - d = 150 + 300 - 200 (the section started at a and cost c; the beat was due at d)", Format.Ms(predicted), Format.Ms(result.Fairness.Task("heartbeat").MaxTimerLateness)),
                new Check("loop lag", Format.Ms(predicted), Format.Ms(result.Fairness.MaxLoopLag)),
            ],
            result.Fairness.ToString(),
            tracePath);
    }
}
