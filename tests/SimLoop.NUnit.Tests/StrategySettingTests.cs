namespace SimLoop.NUnit.Tests;

// Which strategy a [SimTest]'s Strategy setting explores with.
public class StrategySettingTests
{
    [TestCase(SimStrategy.DelayBounded, "idb")]
    [TestCase(SimStrategy.PreemptionBounded, "ipb")]
    [TestCase(SimStrategy.Exhaustive, "dfs")]
    public void A_systematic_strategy_setting_explores_with_that_strategy_bounded_by_the_iterations(SimStrategy setting, string name)
    {
        var settings = SimTestSettings.Resolve(new SimTestAttribute { Strategy = setting, Iterations = 40 }, "Ns.Fixture.Test", _ => null, _ => null, _ => null, out var problems);

        Assert.That(problems, Is.Empty);
        Assert.That(settings.Options.Strategy.Name, Is.EqualTo(name));
        Assert.That(settings.Options.Strategy.MaxSchedules, Is.EqualTo(40));
    }
}
