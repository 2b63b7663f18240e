namespace SimLoop.Benchmarks.Timeline;

/// <summary>
/// A run of about <see cref="Steps"/> steps for the timeline's measurements: eight tasks that yield, now and then
/// hold the loop (Sim.Cpu, Sim.Block) or hand work to the pool, and a heartbeat every 10 ms that their sections
/// make late: every kind of thing the page draws, in the proportions of a busy service.
/// </summary>
public static class TimelineWorkload
{
    public const int Tasks = 8;

    /// <summary>About 100 k steps; 10 k with SIMLOOP_BENCH_SMALL=1.</summary>
    public static int Steps => BenchSize.Small ? 10_000 : 100_000;

    public static SimResult Run(int steps)
    {
        var perTask = steps / Tasks;
        return Sim.Run(async () =>
        {
            var done = false;
            var heartbeat = Sim.Spawn("heartbeat", async () =>
            {
                while (!done)
                {
                    await Sim.Delay(TimeSpan.FromMilliseconds(10));
                }
            });
            var workers = Enumerable.Range(1, Tasks).Select(t => Sim.Spawn("task" + t, async () =>
            {
                for (var i = 1; i <= perTask; i++)
                {
                    if (i % 97 == 0)
                    {
                        Sim.Cpu(TimeSpan.FromMilliseconds(t), "batch " + t);
                    }

                    if (i % 1009 == 0)
                    {
                        Sim.Block(TimeSpan.FromMilliseconds(120), "fsync");
                    }

                    if (i % 211 == 0)
                    {
                        await Sim.ToThread(() => { }, TimeSpan.FromMilliseconds(25));
                    }
                    else
                    {
                        await Sim.Yield();
                    }
                }
            })).ToList();
            await Task.WhenAll(workers);
            done = true;
            await heartbeat;
        }, new SimOptions { RecordTrace = true, MaxVirtualTime = TimeSpan.FromDays(1) });
    }
}
