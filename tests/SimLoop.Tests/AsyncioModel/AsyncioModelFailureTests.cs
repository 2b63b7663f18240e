namespace SimLoop.Tests.AsyncioModel;

/// <summary>Every failure kind the loop itself detects is reported the same way in both models.</summary>
[TestFixture]
public sealed class AsyncioModelFailureTests
{
    private static readonly Dictionary<string, (Func<Task> Body, SimOptions Options)> s_cases = new(StringComparer.Ordinal)
    {
        ["deadlock"] = (() => new TaskCompletionSource().Task, new SimOptions()),
        ["deadlock through a spawned task"] = (async () =>
        {
            var stuck = Sim.Spawn("stuck", async () => await new TaskCompletionSource().Task);
            await Sim.Yield();
            await stuck;
        }, new SimOptions()),
        ["exception"] = (async () => { await Sim.Delay(TimeSpan.FromMilliseconds(1)); throw new InvalidOperationException("boom"); }, new SimOptions()),
        ["step limit"] = (async () => { while (true) { await Sim.Yield(); } }, new SimOptions { MaxSteps = 100 }),
        ["time limit"] = (async () => { while (true) { await Sim.Delay(TimeSpan.FromMinutes(1)); } }, new SimOptions { MaxVirtualTime = TimeSpan.FromHours(1) }),
        ["unobserved exception"] = (async () =>
        {
            _ = Sim.Spawn("fire-and-forget", () => throw new InvalidOperationException("lost"));
            await Sim.Yield();
            await Sim.Yield();
        }, new SimOptions()),
        ["blocking wait"] = (async () =>
        {
            var never = new TaskCompletionSource();
            await Sim.Yield();
            never.Task.Wait();
        }, new SimOptions()),
    };

    [TestCase("deadlock", FailureKind.Deadlock, "00:00:00")]
    [TestCase("deadlock through a spawned task", FailureKind.Deadlock, "00:00:00")]
    [TestCase("exception", FailureKind.Exception, "00:00:00.001")]
    [TestCase("step limit", FailureKind.StepLimit, "00:00:00")]
    [TestCase("time limit", FailureKind.TimeLimit, "01:00:00")]
    [TestCase("unobserved exception", FailureKind.UnobservedException, "00:00:00")]
    [TestCase("blocking wait", FailureKind.BlockingWait, "00:00:00")]
    public void A_failure_has_the_same_kind_and_headline_in_both_models(string name, FailureKind kind, string lastStepEnd)
    {
        var (body, options) = s_cases[name];

        var standard = Assert.Throws<SimulationFailedException>(() => Sim.Run(body, options))!;
        var asyncio = Assert.Throws<SimulationFailedException>(() => Sim.Run(body, options with { LoopModel = LoopModel.Asyncio }))!;

        Assert.Multiple(() =>
        {
            Assert.That(standard.Kind, Is.EqualTo(kind), "LoopModel.Default");
            Assert.That(asyncio.Kind, Is.EqualTo(kind), "LoopModel.Asyncio");
            Assert.That(asyncio.Failure.What, Is.EqualTo(standard.Failure.What));
            Assert.That(asyncio.Failure.Trace.Steps[^1].End, Is.EqualTo(TimeSpan.Parse(lastStepEnd, System.Globalization.CultureInfo.InvariantCulture)));
        });
    }
}
