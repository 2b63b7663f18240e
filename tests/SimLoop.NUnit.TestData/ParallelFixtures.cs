namespace SimLoop.NUnit.TestData;

[Parallelizable(ParallelScope.All)]
public class ParallelFixtureA
{
    [SimTest(Seed = "11", Iterations = 200)]
    public Task First() => Workload.Run(3);

    [SimTest(Seed = "12", Iterations = 200)]
    public Task Second() => Workload.Run(4);
}

[Parallelizable(ParallelScope.All)]
public class ParallelFixtureB
{
    [SimTest(Seed = "13", Iterations = 200)]
    public Task Third() => Workload.Run(5);
}

internal static class Workload
{
    public static async Task Run(int tasks)
    {
        var sum = 0;
        await Task.WhenAll(Enumerable.Range(1, tasks).Select(i => Sim.Spawn("t" + i, async () =>
        {
            await Sim.Delay(TimeSpan.FromMilliseconds(i));
            await Sim.Yield();
            sum += i;
        })));
        Assert.That(sum, Is.EqualTo(tasks * (tasks + 1) / 2));
        Assert.That(Sim.Elapsed, Is.EqualTo(TimeSpan.FromMilliseconds(tasks)));
    }
}
