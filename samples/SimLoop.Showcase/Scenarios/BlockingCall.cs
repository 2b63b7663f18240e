namespace SimLoop.Showcase.Scenarios;

/// <summary>
/// time.sleep inside a coroutine blocks the loop. Sim.Block declares such a call: a request
/// handler blocks 200 ms at 50 ms, so the heartbeat due at 100 ms runs at 250 ms (150 ms late), and the step is
/// listed as a slow Block step. A real blocking wait (.Result on an unfinished task) is caught, not simulated.
/// </summary>
internal sealed class BlockingCall : Scenario
{
    public override string Id => "blocking-call";

    public override string Title => "A blocking call inside a coroutine blocks every task";

    public override ScenarioReport Run(string traceDirectory)
    {
        var result = Sim.Run(async () =>
        {
            var heartbeat = Sim.Spawn("heartbeat", async () => await Sim.Delay(TimeSpan.FromMilliseconds(100)));
            var handler = Sim.Spawn("handler", async () =>
            {
                await Sim.Delay(TimeSpan.FromMilliseconds(50));
                Sim.Block(TimeSpan.FromMilliseconds(200), "requests.get (synchronous HTTP)");
            });
            await Task.WhenAll(heartbeat, handler);
        }, new SimOptions { RecordTrace = true });

        string realBlocking;
        try
        {
            Sim.Run(() =>
            {
                _ = new TaskCompletionSource<int>().Task.Result;
                return Task.CompletedTask;
            });
            realBlocking = "not detected";
        }
        catch (SimulationFailedException e)
        {
            realBlocking = e.Kind.ToString();
        }

        var slow = result.Fairness.SlowSteps.Single();
        return new ScenarioReport(
            [
                new Check("heartbeat lateness, a + c - d = 50 + 200 - 100 (the handler blocked at a for c; the beat was due at d)", "150 ms", Format.Ms(result.Fairness.Task("heartbeat").MaxTimerLateness)),
                new Check("slow step", "handler Block 200 ms", $"{slow.Task} {slow.Kind} {Format.Ms(slow.Duration)}"),
                new Check("real .Result on an unfinished task", "BlockingWait", realBlocking),
            ],
            result.Fairness.ToString(),
            WriteTrace(result, traceDirectory));
    }
}
