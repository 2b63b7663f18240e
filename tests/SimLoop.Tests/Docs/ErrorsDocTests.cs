using System.Text.RegularExpressions;

namespace SimLoop.Tests.Docs;

// docs/errors.md: a section for every FailureKind, each showing a real message (the first part of a test's pinned
// snapshot, down to its "More:" line), and every message links to its section.
public partial class ErrorsDocTests
{
    private static string Document => File.ReadAllText(Path.Combine(Repository.Root, "docs", "errors.md")).ReplaceLineEndings("\n");

    [Test]
    public void Every_failure_kind_has_a_section_with_an_example_cause_and_fix()
    {
        var sections = Section().Matches(Document).Select(m => m.Groups["kind"].Value).ToList();

        Assert.That(sections, Is.EqualTo(Enum.GetNames<FailureKind>()));
    }

    [TestCaseSource(nameof(Kinds))]
    public void The_example_is_exactly_what_the_named_test_pins(FailureKind kind)
    {
        var match = Section().Matches(Document).Single(m => m.Groups["kind"].Value == kind.ToString());

        var snapshot = File.ReadAllText(Path.Combine(Repository.Root, match.Groups["snapshot"].Value)).TrimStart('\uFEFF').ReplaceLineEndings("\n");
        var more = snapshot.IndexOf("\nMore: ", StringComparison.Ordinal);
        Assert.That(more, Is.GreaterThan(0), "the snapshot has no 'More:' line");
        var expected = snapshot[..snapshot.IndexOf('\n', more + 1)];
        Assert.That(match.Groups["example"].Value.TrimEnd('\n'), Is.EqualTo(expected));
        Assert.That(expected, Does.EndWith($"More: docs/errors.md#{kind.ToString().ToLowerInvariant()} (in the SimLoop repository and package): causes and fixes of {kind} failures."));
        Assert.That(match.Groups["rest"].Value, Does.Contain("**Cause.** ").And.Contain("**Fix.** "));
    }

    [Test]
    public void The_packages_ship_the_page_their_messages_link_to()
    {
        var props = File.ReadAllText(Path.Combine(Repository.Root, "Directory.Build.props"));

        Assert.That(props, Does.Contain("<None Include=\"$(MSBuildThisFileDirectory)docs/errors.md\" Pack=\"true\" PackagePath=\"docs/\""));
    }

    private static FailureKind[] Kinds() => Enum.GetValues<FailureKind>();

    [GeneratedRegex(@"^## (?<kind>\w+)\n\n<!-- example: (?<snapshot>[^ ]+) -->\n```text\n(?<example>.*?)```\n(?<rest>.*?)(?=^## |\z)", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Section();
}
