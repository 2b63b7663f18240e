namespace SimLoop.Showcase.Scenarios;

/// <summary>
/// A common claim says `await asyncio.sleep(0)` does not help a CPU-bound coroutine. It does, in asyncio and in
/// SimLoop: a 600 ms job sliced into 50 ms pieces with `await Sim.Yield()` between them lets a heartbeat due at
/// 120 ms run at 200 ms (the end of the slice after the one it fell due in: lateness a + 2s - d = 100 + 100 - 120
/// = 80 ms, always under two slices in SimLoop's default model; asyncio's schedule is one slice later, see
/// TwoLoopModels), where the unsliced job makes it wait for the whole job (480 ms late).
/// </summary>
internal sealed class YieldHelps : Scenario
{
    private static readonly TimeSpan Slice = TimeSpan.FromMilliseconds(50);

    public override string Id => "yield-helps";

    public override string Title => "await Sim.Yield() between slices bounds everyone else's wait";

    public override ScenarioReport Run(string traceDirectory)
    {
        SimResult Job(bool slice) => Sim.Run(async () =>
        {
            var heartbeat = Sim.Spawn("heartbeat", async () => await Sim.Delay(TimeSpan.FromMilliseconds(120)));
            var job = Sim.Spawn("job", async () =>
            {
                for (var i = 0; i < 12; i++)
                {
                    Sim.Cpu(Slice, "slice");
                    if (slice)
                    {
                        await Sim.Yield();
                    }
                }
            });
            await Task.WhenAll(heartbeat, job);
        }, new SimOptions { RecordTrace = slice });

        var unsliced = Job(slice: false);
        var sliced = Job(slice: true);
        return new ScenarioReport(
            [
                new Check("heartbeat lateness, job not sliced, e - d = 600 - 120 (the job ends at e; the beat was due at d)", "480 ms", Format.Ms(unsliced.Fairness.Task("heartbeat").MaxTimerLateness)),
                new Check("heartbeat lateness, 50 ms slices with Sim.Yield, a + 2s - d = 100 + 100 - 120 (the beat fell due in the slice that started at a; slices last s)", "80 ms", Format.Ms(sliced.Fairness.Task("heartbeat").MaxTimerLateness)),
                new Check("job's total time, either way", "600 ms, 600 ms", $"{Format.Ms(unsliced.Elapsed)}, {Format.Ms(sliced.Elapsed)}"),
            ],
            sliced.Fairness.ToString(),
            WriteTrace(sliced, traceDirectory));
    }
}
