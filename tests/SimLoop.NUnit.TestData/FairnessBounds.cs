namespace SimLoop.NUnit.TestData;

public class FairnessBounds
{
    private static TimeSpan Ms(int milliseconds) => TimeSpan.FromMilliseconds(milliseconds);

    // The heartbeat (due at 100 ms) keeps its time in FIFO; a schedule that runs the job before its warm-up makes
    // the job's section cold (250 ms instead of 50 ms), and the heartbeat fires at 250 ms: 150 ms late.
    [SimTest(Seed = "0x5EED", Iterations = 200, MaxLoopLag = "00:00:00.100")]
    public Task Heartbeat_is_never_more_than_100_ms_late() => ColdStartInSomeSchedules();

    internal static async Task ColdStartInSomeSchedules()
    {
        var warmed = false;
        var warmup = Sim.Spawn("warmup", async () =>
        {
            await Sim.Yield();
            warmed = true;
        });
        var job = Sim.Spawn("job", async () =>
        {
            await Sim.Yield();
            Sim.Cpu(warmed ? Ms(50) : Ms(250), warmed ? "warm start" : "cold start");
        });
        var heartbeat = Sim.Spawn("heartbeat", async () => await Sim.Delay(Ms(100)));
        await Task.WhenAll(warmup, job, heartbeat);
    }
}

// The same bound, asserted by hand on the running simulation's report in TearDown.
public class FairnessAssertedInTearDown
{
    [TearDown]
    public void No_beat_more_than_100_ms_late() => Sim.Current.Fairness.AssertMaxLoopLag(TimeSpan.FromMilliseconds(100));

    [SimTest(Seed = "0x5EED", Iterations = 200)]
    public Task Heartbeat_keeps_its_time_checked_in_TearDown() => FairnessBounds.ColdStartInSomeSchedules();
}

// The bound covers the whole iteration: here the test passes, and its TearDown holds the loop.
public class FairnessBoundsCoverTearDown
{
    [TearDown]
    public async Task Flush()
    {
        var heartbeat = Sim.Spawn("heartbeat", async () => await Sim.Delay(TimeSpan.FromMilliseconds(50)));
        await Sim.Yield(); // the heartbeat's timer starts: due 50 ms from now
        Sim.Cpu(TimeSpan.FromMilliseconds(200), "flush");
        await heartbeat;
    }

    [SimTest(Seed = "1", Iterations = 5, MaxLoopLag = "00:00:00.100")]
    public Task The_test_itself_is_fair() => Sim.Delay(TimeSpan.FromMilliseconds(10));
}
