using System.Text;
using SimLoop.Diagnostics;
using SimLoop.Tracing;

namespace SimLoop.NUnit;

/// <summary>
/// The text NUnit shows for a failed [SimTest], in the order a reader needs it: what failed with the iteration
/// and seed; the test's own exception; how to replay it (command and attribute forms); why, how to fix and the
/// section of docs/errors.md; how it was found; the trace and timeline files; the last steps of the (shrunk)
/// failing schedule, each with where it resumed.
/// </summary>
internal static class FailureMessage
{
    public static string Compose(SimFailure failure, string testFullName, string? note, bool replayed, string tracePath, string timelinePath, LoopModel model = LoopModel.Default)
    {
        var text = new StringBuilder();
        var what = failure.What.TrimEnd();
        var firstBreak = what.IndexOf('\n', StringComparison.Ordinal);
        var headline = firstBreak < 0 ? what : what[..firstBreak];

        // A headline that introduces what follows ("... (step 2). Called from:") keeps its last sentence next to the
        // lines it introduces: the iteration and seed go after the sentence before it.
        var lead = "";
        var lastSentence = headline.LastIndexOf(". ", StringComparison.Ordinal);
        if (headline.EndsWith(':') && lastSentence > 0)
        {
            lead = headline[(lastSentence + 2)..];
            headline = headline[..(lastSentence + 1)];
        }

        text.Append("SimLoop: ").Append(headline)
            .Append(replayed ? " [replayed" : " [iteration " + failure.Iteration.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Append(", seed ").Append(TimeFormat.Hex(failure.Seed)).Append(']');
        if (lead.Length > 0)
        {
            text.Append('\n').Append(lead);
        }

        if (firstBreak >= 0)
        {
            text.Append('\n').Append(what[(firstBreak + 1)..]);
        }

        if (failure.Exception is { } exception && FailureReport.StackOf(exception) is { Length: > 0 } stack)
        {
            text.Append("\n\n").Append(exception.GetType().FullName).Append(" thrown\n").Append(stack);
        }

        var token = ReplaySetting.ScopedToken(failure.ReplayToken, testFullName);
        text.Append("\n\nreplay with: ").Append(ReplayCommand(testFullName, token, model))
            .Append("\n         or: [SimTest(Replay = \"").Append(token).Append("\")]");

        if (failure.Why is not null)
        {
            text.Append("\n\nWhy: ").Append(failure.Why);
        }

        if (failure.Fix is not null)
        {
            text.Append(failure.Why is null ? "\n\n" : "\n").Append("Fix: ").Append(failure.Fix);
        }

        text.Append(failure.Why is null && failure.Fix is null ? "\n\n" : "\n").Append(ErrorsDoc.See(failure.Kind));

        if (failure.Context is not null)
        {
            text.Append("\n\n").Append(failure.Context);
        }

        if (note is not null)
        {
            text.Append('\n').Append(note);
        }

        var shown = Math.Min(FailureReport.StepsShown, failure.Trace.Steps.Count);
        text.Append("\n\nTrace: ").Append(tracePath).Append(" (every step; open it in https://ui.perfetto.dev or chrome://tracing)");
        text.Append("\nTimeline: ").Append(timelinePath).Append(" (open it in a browser)");
        text.Append("\n\nLast ").Append(shown).Append(" of ").Append(failure.Trace.TotalSteps).Append(" steps:\n")
            .Append(failure.Trace.ToText(FailureReport.StepsShown));
        return text.ToString();
    }

    /// <summary>
    /// The command that replays the failure, in a form bash, PowerShell and cmd all pass through unchanged: no
    /// environment-variable prefix (each shell has its own), only `dotnet test -e NAME=VALUE`, a double-quoted
    /// filter, and a token of letters, digits and underscores. The token names its test, so a filter that also
    /// matches other tests (the same method with other arguments) replays only this one.
    /// </summary>
    internal static string ReplayCommand(string testFullName, string token, LoopModel model = LoopModel.Default) =>
        $"dotnet test --filter \"FullyQualifiedName~{FilterName(testFullName)}\" -e SIMLOOP_REPLAY={token}" +
        (model == LoopModel.Asyncio ? " -e SIMLOOP_LOOPMODEL=asyncio" : ""); // a token does not record the model

    /// <summary>The test's name without its arguments: a filter every shell passes through unchanged.</summary>
    internal static string FilterName(string testFullName)
    {
        var parenthesis = testFullName.IndexOf('(', StringComparison.Ordinal);
        return parenthesis < 0 ? testFullName : testFullName[..parenthesis];
    }
}
