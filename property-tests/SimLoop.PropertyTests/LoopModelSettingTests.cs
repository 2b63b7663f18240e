using SimLoop.NUnit;

namespace SimLoop.PropertyTests;

/// <summary>[SimTest(LoopModel = ...)] and its overrides reach the options every iteration runs with.</summary>
public class LoopModelSettingTests
{
    [Test]
    public void The_attribute_sets_the_loop_model()
    {
        var settings = SimTestSettings.Resolve(new SimTestAttribute { LoopModel = LoopModel.Asyncio }, "Tests.Law", _ => null, _ => null, _ => null, out var problems);

        Assert.That(problems, Is.Empty);
        Assert.That(settings.Options.LoopModel, Is.EqualTo(LoopModel.Asyncio));
    }

    [Test]
    public void The_environment_overrides_the_attribute_and_a_TestRunParameter_overrides_both()
    {
        var attribute = new SimTestAttribute { LoopModel = LoopModel.Default };

        var fromEnvironment = SimTestSettings.Resolve(attribute, "Tests.Law", _ => null, name => name == "SIMLOOP_LOOPMODEL" ? "asyncio" : null, _ => null, out _);
        var fromParameter = SimTestSettings.Resolve(attribute, "Tests.Law", _ => null, name => name == "SIMLOOP_LOOPMODEL" ? "asyncio" : null, name => name == "SimLoop.LoopModel" ? "Default" : null, out _);

        Assert.That(fromEnvironment.Options.LoopModel, Is.EqualTo(LoopModel.Asyncio));
        Assert.That(fromParameter.Options.LoopModel, Is.EqualTo(LoopModel.Default));
    }

    [Test]
    public void An_unknown_loop_model_is_reported_with_its_source_and_the_known_names()
    {
        SimTestSettings.Resolve(new SimTestAttribute(), "Tests.Law", _ => null, name => name == "SIMLOOP_LOOPMODEL" ? "trio" : null, _ => null, out var problems);

        Assert.That(problems, Is.EqualTo(new[] { "LoopModel is 'trio' (environment variable SIMLOOP_LOOPMODEL), which is not a loop model: use default or asyncio." }));
    }
}
