using System.Text.RegularExpressions;

namespace SimLoop.Tests.Bcl;

/// <summary>
/// Runs a scenario that hands work to a real thread in strict mode (<see cref="SimOptions.RejectThreadPoolWork"/>)
/// and checks that the run fails at the step that did it, with one exact first line. The loop hears every
/// thread-pool enqueue and every real timer on its own thread as it happens, so neither the verdict nor its text
/// depends on when a real thread runs: each check repeats the run. (By default, pool work runs as a step instead.)
/// </summary>
internal static partial class Escapes
{
    /// <summary>Strict mode: work queued to the thread pool fails the run instead of running under the loop's control.</summary>
    public static readonly SimOptions Strict = new() { RejectThreadPoolWork = true };

    /// <summary>Runs per check: a timing-dependent verdict would show up as a different line in one of them.</summary>
    private const int Repetitions = 20;

    /// <summary>How a report of pool work in strict mode ends.</summary>
    public const string Forbidden = ", and SimOptions.RejectThreadPoolWork forbids it.";

    /// <summary>The mechanism text when completing a task queued one of its continuations to the thread pool.</summary>
    public const string ContinuationQueued =
        "completed a task, and the runtime queued one of its continuations to the thread pool: an await with ConfigureAwait(false) " +
        "(in the code under test or in a library it calls), a Task.WhenAll, Task.WhenAny or WaitAsync over a task created with " +
        "TaskCreationOptions.RunContinuationsAsynchronously, or a ContinueWith" + Forbidden;

    /// <summary>The mechanism text when a channel operation's waiter resumes on the thread pool.</summary>
    public const string ChannelWaiterQueued =
        "completed a System.Threading.Channels operation whose waiter resumes on the thread pool (ChannelReader.ReadAllAsync waits with " +
        "ConfigureAwait(false); AsTask() of a pending channel operation completes there too)" + Forbidden;

    /// <summary>The first line of the report: who handed work off, at which instant and step, through what.</summary>
    public static string HandedOff(string task, string at, int step, string what) =>
        $"SimLoop: task '{task}' handed work to a real thread at virtual time {at} (step {step}): {what} Called from:";

    public static void AssertRunFailsAtItsStep(Func<Task> scenario, string firstLine)
    {
        for (var run = 0; run < Repetitions; run++)
        {
            var failure = Assert.Throws<SimulationFailedException>(() => Sim.Run(scenario, Strict))!;
            Assert.That(failure.Kind, Is.EqualTo(FailureKind.UncontrolledConcurrency), failure.Message);
            Assert.That(FirstLine(failure.Message), Is.EqualTo(firstLine), $"run {run}");
        }
    }

    /// <summary>The message's first line with compiler lambda ordinals masked.</summary>
    public static string FirstLine(string message)
    {
        var line = message[..message.IndexOf('\n', StringComparison.Ordinal)];
        return LambdaOrdinal().Replace(line, "b__N_N");
    }

    [GeneratedRegex(@"b__\d+_\d+")]
    private static partial Regex LambdaOrdinal();
}
