namespace SimLoop.Tests.Bcl;

/// <summary>Runs a scenario twice: the same code and seed must give the same schedule, step for step.</summary>
internal static class Determinism
{
    public static void AssertSameTraceHashTwice(Func<Task> scenario)
    {
        // The scenario builds its own state inside the lambda, so both runs start from scratch.
        var first = Sim.Run(scenario);
        var second = Sim.Run(scenario);
        Assert.That(second.Trace.Hash, Is.EqualTo(first.Trace.Hash));
        Assert.That(second.Steps, Is.EqualTo(first.Steps));
    }
}
