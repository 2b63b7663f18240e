namespace SimLoop.NUnit.TestData;

// SetUp and TearDown run once per iteration, OneTimeSetUp once; the second test checks the counts afterwards.
public class Lifecycle
{
    private static int s_oneTimeSetUps;
    private static int s_setUps;
    private static int s_tearDowns;
    private bool _setUpRan;

    [OneTimeSetUp]
    public void Once() => s_oneTimeSetUps++;

    [SetUp]
    public void Before()
    {
        s_setUps++;
        _setUpRan = true;
    }

    [TearDown]
    public void After()
    {
        s_tearDowns++;
        _setUpRan = false;
    }

    [SimTest(Seed = "3", Iterations = 20, CheckDeterminism = false)]
    public async Task Each_iteration_runs_between_its_SetUp_and_TearDown()
    {
        Assert.That(_setUpRan, Is.True);
        Assert.That(s_setUps, Is.EqualTo(s_tearDowns + 1));
        Assert.That(s_oneTimeSetUps, Is.EqualTo(1));
        await Sim.Yield();
    }

    [Test]
    [DependsOnTest(nameof(Each_iteration_runs_between_its_SetUp_and_TearDown))]
    public void SetUp_and_TearDown_ran_once_per_iteration()
    {
        // 20 iterations, plus this test's own SetUp.
        Assert.That(s_setUps, Is.EqualTo(21));
        Assert.That(s_tearDowns, Is.EqualTo(20));
        Assert.That(s_oneTimeSetUps, Is.EqualTo(1));
    }
}
