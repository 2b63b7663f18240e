using System.Text.RegularExpressions;

namespace SimLoop.Tests.Diagnostics;

/// <summary>Makes failure text stable for snapshots: line numbers move when a test file is edited.</summary>
internal static partial class MessageText
{
    /// <summary>Line numbers move when a test file is edited, and directories differ between clones: keep file names only.</summary>
    public static string WithoutLineNumbers(string message) => Directories().Replace(LineNumber().Replace(message, ":line N"), " in ");

    /// <summary>The part of a message before "Reproduce:" (for failures whose trace tail depends on real timing).</summary>
    public static string Head(string message) => message[..message.IndexOf("\n\nReproduce:", StringComparison.Ordinal)];

    [GeneratedRegex(@":line \d+")]
    private static partial Regex LineNumber();

    [GeneratedRegex(@" in (?:[A-Za-z]:)?[/\\][^:\n]*[/\\](?=[^/\\\n]+\.cs:line)")]
    private static partial Regex Directories();
}
