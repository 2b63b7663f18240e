namespace SimLoop.Showcase.Scenarios;

/// <summary>
/// a library that blocks must go to asyncio.to_thread. With Sim.ToThread the same
/// 200 ms call runs on the simulated pool: the heartbeat stays exactly on time, and five such calls on a pool of
/// two workers finish at ceil(i/2) x 200 ms, so the last one at 600 ms, queueing delays 0, 0, 200, 200, 400 ms.
/// </summary>
internal sealed class OffloadToThread : Scenario
{
    public override string Id => "offload-to-thread";

    public override string Title => "Sim.ToThread keeps the loop free; pool queueing is exactly predictable";

    public override ScenarioReport Run(string traceDirectory)
    {
        var finished = new List<TimeSpan>();
        var result = Sim.Run(async () =>
        {
            var heartbeat = Sim.Spawn("heartbeat", async () =>
            {
                for (var beat = 0; beat < 6; beat++)
                {
                    await Sim.Delay(TimeSpan.FromMilliseconds(100));
                }
            });
            var calls = Enumerable.Range(1, 5).Select(i => Sim.Spawn("call" + i, async () =>
            {
                await Sim.ToThread(() => { }, TimeSpan.FromMilliseconds(200));
                finished.Add(Sim.Elapsed);
            })).ToList();
            await Task.WhenAll(calls.Append(heartbeat));
        }, new SimOptions { WorkerThreads = 2, RecordTrace = true });

        return new ScenarioReport(
            [
                new Check("heartbeat lateness with the calls on the pool", "0 ms", Format.Ms(result.Fairness.MaxLoopLag)),
                new Check("calls finish at ceil(i/2) x 200 ms (call i = 1..5, 200 ms each, 2 workers)", "200, 200, 400, 400, 600 ms", string.Join(", ", finished.Select(f => f.TotalMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture))) + " ms"),
                new Check("longest wait for a worker", "400 ms", Format.Ms(result.Fairness.Workers.MaxQueueDelay)),
            ],
            result.Fairness.ToString(),
            WriteTrace(result, traceDirectory));
    }
}
