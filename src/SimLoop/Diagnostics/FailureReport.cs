using System.Text;
using SimLoop.Tracing;

namespace SimLoop.Diagnostics;

/// <summary>Composes the text every failure surfaces with. Tests pin its output; change it deliberately.</summary>
internal static class FailureReport
{
    public const int StepsShown = 12;

    public static string Compose(RunFailure failure, ulong seed, string strategy, string replayToken, int? iteration, Trace trace, string? extra = null, LoopModel model = LoopModel.Default)
    {
        var text = new StringBuilder();
        text.Append("SimLoop: ").Append(failure.What.TrimEnd());
        if (failure.Exception is not null && failure.Kind is FailureKind.Exception or FailureKind.UnobservedException
            && StackOf(failure.Exception) is { Length: > 0 } stack)
        {
            text.Append("\n\n").Append(failure.Exception.GetType().FullName).Append(" thrown\n").Append(stack);
        }

        if (failure.Why is not null)
        {
            text.Append("\n\nWhy: ").Append(failure.Why);
        }

        if (failure.Fix is not null)
        {
            text.Append("\nFix: ").Append(failure.Fix);
        }

        text.Append(failure.Why is null && failure.Fix is null ? "\n\n" : "\n").Append(ErrorsDoc.See(failure.Kind));

        if (extra is not null)
        {
            text.Append("\n\n").Append(extra.TrimEnd());
        }

        text.Append("\n\nReproduce: seed ").Append(TimeFormat.Hex(seed)).Append(", strategy ").Append(strategy);
        if (iteration is { } i)
        {
            text.Append(", iteration ").Append(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        // A token replays the schedule of the model it was made under; the asyncio model has to be named again.
        var asyncio = model == LoopModel.Asyncio;
        if (asyncio)
        {
            text.Append(", loop model asyncio");
        }

        // Only what works as printed: the engine reads no environment variable for replay (a token applied from
        // outside the code could not tell which of many runs it was for), so the advice is the
        // Replay option of the call that failed: SimOptions for Sim.Run, ExploreOptions for Sim.Explore.
        text.Append(".\n  replay with: new ").Append(iteration is null ? "SimOptions" : "ExploreOptions")
            .Append(" { ").Append(asyncio ? "LoopModel = LoopModel.Asyncio, " : "").Append("Replay = \"").Append(replayToken).Append("\" }");

        var shown = Math.Min(StepsShown, trace.Steps.Count);
        text.Append("\n\nLast ").Append(shown).Append(" of ").Append(trace.TotalSteps).Append(" steps:\n")
            .Append(trace.ToText(StepsShown));
        return text.ToString();
    }

    /// <summary>The first frames of an exception's stack that belong to the code under test (the headline already has type and message).</summary>
    public static string StackOf(Exception exception) =>
        string.Join('\n', (exception.StackTrace ?? "").Split('\n').Select(l => l.TrimEnd()).Where(IsUserFrame).Take(8));

    // Frames of the runtime, of test frameworks' assertion plumbing and of the engine itself say nothing about the bug.
    private static readonly string[] s_plumbing =
    [
        " System.", " Microsoft.", " NUnit.Framework.", "--- End of stack trace",
        " SimLoop.Sim.", " SimLoop.EventLoop", " SimLoop.Loop.", " SimLoop.Exploration.", " SimLoop.Time.", " SimLoop.Cost.",
        " SimLoop.Scheduling.", " SimLoop.Diagnostics.", " SimLoop.Tracing.", " SimLoop.NUnit.IterationBody", " SimLoop.NUnit.SimTest",
    ];

    private static bool IsUserFrame(string line) =>
        line.Length > 0 && !s_plumbing.Any(part => line.Contains(part, StringComparison.Ordinal));
}
