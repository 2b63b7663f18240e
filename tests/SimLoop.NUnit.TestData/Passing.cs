namespace SimLoop.NUnit.TestData;

public class Passing
{
    [SimTest(Seed = "0x2A", Iterations = 50)]
    public async Task Heartbeat_keeps_its_period()
    {
        var beats = 0;
        await Sim.Spawn("heartbeat", async () =>
        {
            for (var i = 0; i < 3; i++)
            {
                await Sim.Delay(TimeSpan.FromMilliseconds(100));
                beats++;
            }
        });
        Assert.That(beats, Is.EqualTo(3));
        Assert.That(Sim.Elapsed, Is.EqualTo(TimeSpan.FromMilliseconds(300)));
    }

    [SimTest(Seed = "7", Iterations = 10)]
    public void A_plain_void_method_runs_on_the_loop()
    {
        Sim.Cpu(TimeSpan.FromMilliseconds(5));
        Assert.That(Sim.Elapsed, Is.EqualTo(TimeSpan.FromMilliseconds(5)));
    }

    [SimTest(Seed = "9", Iterations = 10)]
    public async Task Task_Run_runs_as_a_step_of_the_loop()
    {
        await Sim.Delay(TimeSpan.FromSeconds(1));
#pragma warning disable RS0030 // not banned in tests; work queued to the pool runs under the loop's control
        var at = await Task.Run(() => Sim.Elapsed);
#pragma warning restore RS0030
        Assert.That(at, Is.EqualTo(TimeSpan.FromSeconds(1)));
    }
}
