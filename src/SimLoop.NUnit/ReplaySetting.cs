using SimLoop.Exploration;

namespace SimLoop.NUnit;

/// <summary>
/// Which replay token, if any, applies to one [SimTest]. A token printed by a [SimTest] failure is scoped to that
/// test (its full name, arguments included). From outside the code (TestRunParameter SimLoop.Replay, environment
/// variable SIMLOOP_REPLAY) a token applies only to its own test: every other test of the run ignores it, with a
/// note, and explores as usual, so a run without a filter cannot silently replace every exploration by one
/// schedule. In an attribute, a token of another test is an error that names the test it belongs to.
/// </summary>
internal static class ReplaySetting
{
    /// <summary>A token, where it came from, and the notes the test prints about replay.</summary>
    public sealed record Choice(string? Token, string? Source, IReadOnlyList<string> Notes);

    /// <param name="fromOutside">The token of the run parameter or environment variable, with its source, or null.</param>
    /// <param name="fromAttribute">The attribute's token, or null.</param>
    /// <param name="testFullName">The test's full name, arguments included.</param>
    /// <param name="testOfScope">The full name of the test a scope belongs to, when it is in this assembly.</param>
    /// <param name="problems">Receives what makes the settings invalid.</param>
    public static Choice Resolve(
        (string Value, string Source)? fromOutside,
        string? fromAttribute,
        string testFullName,
        Func<string, string?> testOfScope,
        List<string> problems)
    {
        var notes = new List<string>();
        if (fromOutside is var (outsideText, outsideSource) && Parse(outsideText, outsideSource, problems) is { } outside)
        {
            if (outside.Scope is null)
            {
                problems.Add(
                    $"Replay ({outsideSource}): the token '{outsideText.Trim()}' names no test, so SimLoop cannot tell which test it belongs to, " +
                    "and applying it to every [SimTest] of the run would replace each exploration by that one schedule. " +
                    "A failing [SimTest] prints a token that names its test: copy that one. A token printed by Sim.Run or Sim.Explore " +
                    "replays through the Replay option of the code that printed it (new SimOptions { Replay = ... }).");
            }
            else if (outside.AppliesTo(testFullName))
            {
                return new Choice(outsideText.Trim(), outsideSource, notes);
            }
            else
            {
                notes.Add($"SimLoop: {testFullName}: {outsideSource} holds the replay token of {Owner(outside, testOfScope)}, " +
                    "not of this test; this test ignored it and explored as usual.");
            }
        }

        if (fromAttribute is null || Parse(fromAttribute, "[SimTest(Replay = ...)]", problems) is not { } pinned)
        {
            return new Choice(null, null, notes);
        }

        if (!pinned.AppliesTo(testFullName))
        {
            problems.Add(
                $"Replay ([SimTest(Replay = ...)]): the token '{fromAttribute.Trim()}' belongs to {Owner(pinned, testOfScope)}, not to this test " +
                $"({testFullName}): it was pasted into the wrong [SimTest]. Move it to the test it names, or remove it.");
            return new Choice(null, null, notes);
        }

        notes.Add($"SimLoop: {testFullName} runs only the schedule of its [SimTest(Replay = ...)]; remove Replay to explore again.");
        return new Choice(fromAttribute.Trim(), "[SimTest(Replay = ...)]", notes);
    }

    /// <summary>The token SimLoop prints and saves for a failure of <paramref name="testFullName"/>.</summary>
    public static string ScopedToken(string engineToken, string testFullName) =>
        ReplayToken.Parse(engineToken).ScopedTo(testFullName).ToString();

    private static ReplayToken? Parse(string text, string source, List<string> problems)
    {
        try
        {
            return ReplayToken.Parse(text);
        }
        catch (ArgumentException e)
        {
            problems.Add($"Replay ({source}): {e.Message}");
            return null;
        }
    }

    private static string Owner(ReplayToken token, Func<string, string?> testOfScope) =>
        testOfScope(token.Scope!) is { } name
            ? $"test '{name}'"
            : $"a test that is not in this assembly (scope T{token.Scope})";
}
