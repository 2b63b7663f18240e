namespace SimLoop.Tests.Loop;

public class SmokeTests
{
    [Test]
    public void A_delay_of_an_hour_takes_an_hour_of_virtual_time()
    {
        var result = Sim.Run(async () => await Sim.Delay(TimeSpan.FromHours(1)));
        Assert.That(result.Elapsed, Is.EqualTo(TimeSpan.FromHours(1)));
    }

    [Test]
    public void Set_result_from_another_task_resumes_the_waiter_in_its_own_step()
    {
        var log = new List<string>();
        Sim.Run(async () =>
        {
            var signal = new TaskCompletionSource();
            var waiter = Sim.Spawn("B", async () =>
            {
                await signal.Task;
                log.Add("B resumed");
            });
            var setter = Sim.Spawn("C", async () =>
            {
                signal.SetResult();
                log.Add("C after SetResult");
                await Sim.Yield();
            });
            await Task.WhenAll(waiter, setter);
        });
        Assert.That(log, Is.EqualTo(new[] { "C after SetResult", "B resumed" }));
    }
}
