namespace SimLoop.Showcase.Scenarios;

/// <summary>
/// The sliced job of "yield helps" under both loop models. In the default model the heartbeat due at 120 ms runs at
/// 200 ms (a + 2s - d = 80 ms late). LoopModel.Asyncio reproduces CPython's asyncio: the timer's handle is moved when
/// the pass running the 100-150 ms slice ends, it only completes the sleep, and the heartbeat is queued behind the
/// job's next slice: it runs at 250 ms (a + 3s - d = 130 ms late), as it would in asyncio.
/// </summary>
internal sealed class TwoLoopModels : Scenario
{
    private static readonly TimeSpan Slice = TimeSpan.FromMilliseconds(50);

    public override string Id => "two-loop-models";

    public override string Title => "The same sliced job in the default model and in LoopModel.Asyncio (CPython's schedule)";

    public override ScenarioReport Run(string traceDirectory)
    {
        SimResult Job(LoopModel model) => Sim.Run(async () =>
        {
            var heartbeat = Sim.Spawn("heartbeat", async () => await Sim.Delay(TimeSpan.FromMilliseconds(120)));
            var job = Sim.Spawn("job", async () =>
            {
                for (var i = 0; i < 12; i++)
                {
                    Sim.Cpu(Slice, "slice");
                    await Sim.Yield();
                }
            });
            await Task.WhenAll(heartbeat, job);
        }, new SimOptions { LoopModel = model, RecordTrace = true });

        var standard = Job(LoopModel.Default);
        var asyncio = Job(LoopModel.Asyncio);
        return new ScenarioReport(
            [
                new Check("heartbeat lateness, LoopModel.Default, a + 2s - d = 100 + 100 - 120 (due at d in the slice that started at a; slices last s)", "80 ms", Format.Ms(standard.Fairness.Task("heartbeat").MaxTimerLateness)),
                new Check("heartbeat lateness, LoopModel.Asyncio, a + 3s - d = 100 + 150 - 120 (one slice more: the woken sleep queues behind the next slice)", "130 ms", Format.Ms(asyncio.Fairness.Task("heartbeat").MaxTimerLateness)),
                new Check("job's total time, either way", "600 ms, 600 ms", $"{Format.Ms(standard.Elapsed)}, {Format.Ms(asyncio.Elapsed)}"),
            ],
            "steps from 100 to 300 ms (task@start):\n" +
            "  LoopModel.Default: " + Steps(standard) + "\n" +
            "  LoopModel.Asyncio: " + Steps(asyncio),
            WriteTrace(asyncio, traceDirectory));
    }

    private static string Steps(SimResult result) => string.Join(" ", result.Trace.Steps
        .Where(step => step.Start >= TimeSpan.FromMilliseconds(100) && step.Start < TimeSpan.FromMilliseconds(300))
        .Select(step => $"{step.Task}@{step.Start.TotalMilliseconds:0}"));
}
