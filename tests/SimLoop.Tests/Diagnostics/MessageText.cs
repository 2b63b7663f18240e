using System.Text.RegularExpressions;

namespace SimLoop.Tests.Diagnostics;

/// <summary>Makes failure text stable for snapshots: line numbers move when a test file is edited.</summary>
internal static partial class MessageText
{
    /// <summary>Line numbers move when a test file is edited, and directories differ between clones: keep file names only.</summary>
    public static string WithoutLineNumbers(string message) => Directories().Replace(LineNumber().Replace(message, ":line N"), " in ");

    /// <summary>The part of a message before "Reproduce:" (for failures whose trace tail depends on real timing).</summary>
    public static string Head(string message) => message[..message.IndexOf("\n\nReproduce:", StringComparison.Ordinal)];

    /// <summary>
    /// Why and fix: the parts of an escape report that never depend on timing. The headline has one of two forms,
    /// depending on whether the real thread reported before the loop ran out of work (see EscapeTests).
    /// </summary>
    public static string Essentials(SimFailure failure) => "Why: " + failure.Why + "\nFix: " + failure.Fix;

    public static readonly string[] EscapeHeadlines =
    [
        "code of the simulation ran on a real thread: ",
        "the simulation is waiting for work that left the loop for a real thread at virtual time ",
    ];

    [GeneratedRegex(@":line \d+")]
    private static partial Regex LineNumber();

    [GeneratedRegex(@" in (?:[A-Za-z]:)?[/\\][^:\n]*[/\\](?=[^/\\\n]+\.cs:line)")]
    private static partial Regex Directories();
}
