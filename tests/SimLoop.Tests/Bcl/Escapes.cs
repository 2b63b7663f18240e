using System.Text.RegularExpressions;

namespace SimLoop.Tests.Bcl;

/// <summary>
/// Runs a scenario whose continuation leaves the loop and checks that the run fails as an escape
/// (UncontrolledConcurrency), whatever the real thread's timing. The report has one of three forms: the escape as
/// the pool thread saw it start or post back (when it reports before the loop runs out of work), or the loop's
/// own verdict once nothing is left to run: a task waiting on work a pool thread runs or has finished, or on a
/// real timer. Each form is pinned exactly; which one comes first depends on timing, the kind never does.
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

    /// <summary>Where the loop ran out of work: the instant and the last step, as its own verdict prints them.</summary>
    public static (string At, int AfterStep) Stalled(string at, int afterStep) => (at, afterStep);

    public static void AssertRunFailsAsAnEscape(Func<Task> scenario, string escape, (string At, int AfterStep) stalled)
    {
        var failure = Assert.Throws<SimulationFailedException>(() => Sim.Run(scenario))!;
        var where = $"at virtual time {stalled.At} (after step {stalled.AfterStep})";
        var line = FirstLine(failure.Message);

        Assert.That(failure.Kind, Is.EqualTo(FailureKind.UncontrolledConcurrency), failure.Message);
        Assert.That(
            line == escape
            || line == $"SimLoop: the simulation is waiting for work that left the loop for a real thread {where}."
            || (line.StartsWith("SimLoop: task '", StringComparison.Ordinal) && line.EndsWith(
                $"' waits on a real timer {where}: a Task.Delay, WaitAsync or other timeout given no TimeProvider runs on the machine's clock, outside the simulation.", StringComparison.Ordinal)),
            Is.True,
            line);
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
