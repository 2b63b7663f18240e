namespace SimLoop.NUnit.TestData;

public class Parameters
{
    [SimTest(Seed = "5", Iterations = 10)]
    [TestCase(1)]
    [TestCase(3)]
    public async Task Test_cases_reach_the_body(int workers)
    {
        var done = 0;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(i => Sim.Spawn("worker" + i, async () =>
        {
            await Sim.Delay(TimeSpan.FromMilliseconds(10));
            done++;
        })));
        Assert.That(done, Is.EqualTo(workers));
    }

    [SimTest(Seed = "5", Iterations = 10)]
    public async Task Values_reach_the_body([Values(10, 20)] int milliseconds, [Values] bool onTheLoop)
    {
        if (onTheLoop)
        {
            Sim.Cpu(TimeSpan.FromMilliseconds(milliseconds));
        }
        else
        {
            await Sim.ToThread(() => { }, TimeSpan.FromMilliseconds(milliseconds));
        }

        Assert.That(Sim.Elapsed, Is.EqualTo(TimeSpan.FromMilliseconds(milliseconds)));
    }
}

[TestFixture(typeof(int))]
[TestFixture(typeof(string))]
public class GenericFixture<T>
{
    [SimTest(Seed = "1", Iterations = 5)]
    public async Task Runs_for_each_type_argument()
    {
        await Sim.Yield();
        Assert.That(typeof(T), Is.AnyOf(typeof(int), typeof(string)));
    }
}

[TestFixture("alpha")]
[TestFixture("beta")]
public class ParameterizedFixture(string name)
{
    [SimTest(Seed = "1", Iterations = 5)]
    public async Task Sees_its_fixture_argument()
    {
        await Sim.Delay(TimeSpan.FromSeconds(1));
        Assert.That(name, Is.AnyOf("alpha", "beta"));
    }
}
