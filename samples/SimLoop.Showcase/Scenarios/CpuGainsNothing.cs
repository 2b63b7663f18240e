namespace SimLoop.Showcase.Scenarios;

/// <summary>
/// asyncio only helps I/O-bound work. Four CPU jobs of 100 ms take 400 ms whether they run one
/// after another or as four "concurrent" tasks: the loop does one thing at a time. Four 100 ms waits on I/O, by
/// contrast, overlap and take 100 ms.
/// </summary>
internal sealed class CpuGainsNothing : Scenario
{
    public override string Id => "cpu-gains-nothing";

    public override string Title => "Concurrency on the loop speeds up waiting, not computing";

    public override ScenarioReport Run(string traceDirectory)
    {
        static Task Jobs(Func<int, Task> job) => Task.WhenAll(Enumerable.Range(1, 4).Select(i => Sim.Spawn("job" + i, () => job(i))));

        var sequential = Sim.Run(() =>
        {
            for (var i = 0; i < 4; i++)
            {
                Sim.Cpu(TimeSpan.FromMilliseconds(100), "parse");
            }

            return Task.CompletedTask;
        });
        var concurrentCpu = Sim.Run(() => Jobs(_ =>
        {
            Sim.Cpu(TimeSpan.FromMilliseconds(100), "parse");
            return Task.CompletedTask;
        }), new SimOptions { RecordTrace = true });
        var concurrentIo = Sim.Run(() => Jobs(_ => Sim.Delay(TimeSpan.FromMilliseconds(100))));

        return new ScenarioReport(
            [
                new Check("4 x 100 ms of CPU, one after another", "400 ms", Format.Ms(sequential.Elapsed)),
                new Check("4 x 100 ms of CPU as 4 concurrent tasks", "400 ms", Format.Ms(concurrentCpu.Elapsed)),
                new Check("4 x 100 ms of I/O wait as 4 concurrent tasks", "100 ms", Format.Ms(concurrentIo.Elapsed)),
                new Check("last CPU job waited for the loop", "300 ms", Format.Ms(concurrentCpu.Fairness.Task("job4").MaxSchedulingDelay)),
            ],
            concurrentCpu.Fairness.ToString(),
            WriteTrace(concurrentCpu, traceDirectory));
    }
}
