using System.Text.RegularExpressions;

namespace SimLoop.Tests.Bcl;

/// <summary>
/// Runs a scenario whose continuation leaves the loop and checks how the run failed. The escape is reported from
/// the pool thread; the loop, once nothing is left to run, waits a few milliseconds for that report and otherwise
/// declares a deadlock. Which of the two comes first depends on real thread timing (a cold process or a loaded
/// machine loses the race now and then: docs/limitations.md has the counts), so a test pins both exact texts and
/// accepts either. That the run fails, and that it fails in one of these two ways, does not depend on timing.
/// </summary>
internal static partial class Escapes
{
    /// <summary>An async method resumed on a pool thread in the simulation's ExecutionContext (reported as it starts).</summary>
    public const string AwaitContinuationOnThePool =
        "SimLoop: code of the simulation ran on a real thread: an await continuation ran on the thread pool instead of the loop: " +
        "the awaited operation completed with ConfigureAwait(false) in effect (in the code under test or inside a library it calls).";

    /// <summary>CancellationTokenSource.CancelAsync's Task.Factory.StartNew, reported as it starts (BCL lambda ordinals masked).</summary>
    public const string CancelAsyncTaskOnThePool =
        "SimLoop: code of the simulation ran on a real thread: a Task ran on the thread pool (Task.Run, Task.Factory.StartNew, " +
        "ContinueWith without ExecuteSynchronously, or CancellationTokenSource.CancelAsync); its work is <>c.<CancelAsync>b__N_N.";

    /// <summary>A continuation posted to the loop from a pool thread (reported only when it posts back; thread ids masked).</summary>
    public static string PostedFromThePool(string continuation) =>
        $"SimLoop: a continuation of {continuation} was posted to the loop from thread N, not from the loop's thread N. Posting stack:";

    public static string Deadlock(string at, int afterStep) =>
        $"SimLoop: deadlock at virtual time {at} (after step {afterStep}): main has not finished, no continuation is ready and no timer is pending, " +
        "so nothing can ever run again.";

    public static void AssertRunFailsWithTheEscapeOrADeadlock(Func<Task> scenario, string escape, string deadlock)
    {
        var failure = Assert.Throws<SimulationFailedException>(() => Sim.Run(scenario))!;
        Assert.That((failure.Kind, FirstLine(failure.Message)), Is.AnyOf(
            (FailureKind.UncontrolledConcurrency, escape),
            (FailureKind.Deadlock, deadlock)));
    }

    /// <summary>The message's first line with what differs between runs of the same code masked: thread ids, compiler lambda ordinals.</summary>
    private static string FirstLine(string message)
    {
        var line = message[..message.IndexOf('\n', StringComparison.Ordinal)];
        line = ThreadId().Replace(line, "thread N");
        return LambdaOrdinal().Replace(line, "b__N_N");
    }

    [GeneratedRegex(@"thread \d+")]
    private static partial Regex ThreadId();

    [GeneratedRegex(@"b__\d+_\d+")]
    private static partial Regex LambdaOrdinal();
}
