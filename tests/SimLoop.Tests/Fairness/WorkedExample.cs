namespace SimLoop.Tests.Fairness;

/// <summary>
/// The worked example of docs/fairness.md: the document shows this code (DocSampleTests checks it), and it must
/// give the numbers the document states.
/// </summary>
internal static class WorkedExample
{
    public static SimResult Run()
    {
        var result = Sim.Run(async () =>
        {
            var heartbeat = Sim.Spawn("heartbeat", async () =>
            {
                for (var beat = 0; beat < 3; beat++)
                {
                    await Sim.Delay(TimeSpan.FromMilliseconds(100));
                }
            });
            var importer = Sim.Spawn("importer", async () =>
            {
                await Sim.Delay(TimeSpan.FromMilliseconds(150));
                Sim.Cpu(TimeSpan.FromMilliseconds(120), "parse CSV");
                await Sim.Yield();
                Sim.Block(TimeSpan.FromMilliseconds(80), "fsync");
            });
            var uploader = Sim.Spawn("uploader", async () =>
            {
                await Sim.Delay(TimeSpan.FromMilliseconds(50));
                await Sim.ToThread(() => { }, TimeSpan.FromMilliseconds(250));
            });
            await Task.WhenAll(heartbeat, importer, uploader);
        }, new SimOptions { WorkerThreads = 1 });
        Console.WriteLine(result.Fairness);
        return result;
    }
}
