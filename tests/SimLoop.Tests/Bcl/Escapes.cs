namespace SimLoop.Tests.Bcl;

/// <summary>Runs a scenario whose continuation leaves the loop and returns how the run failed.</summary>
internal static class Escapes
{
    /// <summary>
    /// A continuation that completes on a thread-pool thread is posted to the loop from that thread; the loop drops
    /// it and records UncontrolledConcurrency. Whether the loop reports that, or first finds nothing ready and reports
    /// a deadlock, depends on real thread timing today, so tests of escapes accept either kind; that the run fails
    /// does not depend on timing.
    /// </summary>
    public static void AssertRunFailsWithDeadlockOrUncontrolledConcurrency(Func<Task> scenario)
    {
        var failure = Assert.Throws<SimulationFailedException>(() => Sim.Run(scenario));
        Assert.That(failure!.Kind, Is.AnyOf(FailureKind.Deadlock, FailureKind.UncontrolledConcurrency));
    }
}
