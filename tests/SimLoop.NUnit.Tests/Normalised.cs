using System.Text.RegularExpressions;

namespace SimLoop.NUnit.Tests;

/// <summary>Failure text without what legitimately differs between runs and machines.</summary>
internal static partial class Normalised
{
    /// <summary>Line numbers, source directories, the run's temporary folder and the trace folder replaced by placeholders.</summary>
    public static string Message(string message, ChildRun run) =>
        TraceFolder().Replace(Directories().Replace(LineNumber().Replace(message.ReplaceLineEndings("\n"), ":line N"), " in ")
            .Replace(run.Directory, "<run>", StringComparison.Ordinal), "$1: <test work directory>$2");

    /// <summary>What failed, the exception, the replay lines and the trace: everything but how the failure was found or saved.</summary>
    public static string Essence(string message)
    {
        var lines = message.ReplaceLineEndings("\n").Split('\n')
            .Where(line => !line.StartsWith("Found by exploration", StringComparison.Ordinal)
                && !line.StartsWith("Shrunk from", StringComparison.Ordinal)
                && !line.StartsWith("Replayed", StringComparison.Ordinal)
                && !line.StartsWith("Saved to", StringComparison.Ordinal));
        // "[iteration 1, seed X]" when found, "[replayed, seed X]" when replayed: the seed is what must match.
        return HowFound().Replace(LineNumber().Replace(string.Join('\n', lines), ":line N"), "[seed");
    }

    [GeneratedRegex(@"\[(iteration \d+|replayed), seed")]
    private static partial Regex HowFound();

    [GeneratedRegex(@"(Trace|Timeline): .*([/\\]simloop-traces[/\\])")]
    private static partial Regex TraceFolder();

    [GeneratedRegex(@":line \d+")]
    private static partial Regex LineNumber();

    [GeneratedRegex(@" in (?:[A-Za-z]:)?[/\\][^:\n]*[/\\](?=[^/\\\n]+\.cs:line)")]
    private static partial Regex Directories();
}
