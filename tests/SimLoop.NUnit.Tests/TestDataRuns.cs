namespace SimLoop.NUnit.Tests;

/// <summary>
/// The child runs, each made once per test process and shared by the tests that read it (they are slow: a few
/// seconds each). The first runs everything; the others replay and override what the first one printed.
/// </summary>
internal static class TestDataRuns
{
    private static readonly Lazy<ChildRun> s_everything = new(() => ChildRun.Execute("everything"));

    // The "replay with:" command exactly as the failure message prints it.
    private static readonly Lazy<ChildRun> s_replay = new(() => ChildRun.ExecuteAsPrinted(
        "replay", Tokens.Command(Everything["Lost_update_is_found_by_an_assertion"].Message)));

    // The same token for a run of several tests, without a filter that isolates its test.
    private static readonly Lazy<ChildRun> s_replayAmongOthers = new(() => ChildRun.Execute(
        "replay-among-others",
        filter: "FullyQualifiedName~Failing.Lost_update_is_found_by_an_assertion|FullyQualifiedName~Passing|FullyQualifiedName~Parameters",
        environment: new Dictionary<string, string> { ["SIMLOOP_REPLAY"] = Tokens.From(Everything["Lost_update_is_found_by_an_assertion"].Message), ["SIMLOOP_FAILURES"] = "off" }));

    // TestRunParameters beat environment variables, which beat the attribute; the failures saved by the first run are replayed first.
    private static readonly Lazy<ChildRun> s_overrides = new(() => ChildRun.Execute(
        "overrides",
        filter: "FullyQualifiedName~Passing.Heartbeat_keeps_its_period|FullyQualifiedName~Failing.Lost_update_is_found_by_an_assertion",
        environment: new Dictionary<string, string> { ["SIMLOOP_SEED"] = "0x99", ["SIMLOOP_ITERATIONS"] = "7" },
        runParameters: "TestRunParameters.Parameter(name=\"SimLoop.Seed\", value=\"0x2B\")",
        failuresDirectory: Everything.FailuresDirectory));

    // A long exploration with progress every 100 ms of real time (it runs until NUnit's [CancelAfter(500)]).
    private static readonly Lazy<ChildRun> s_progress = new(() => ChildRun.Execute(
        "progress",
        filter: "FullyQualifiedName~A_long_exploration_hits_NUnits_timeout|FullyQualifiedName~Passing.Heartbeat_keeps_its_period",
        environment: new Dictionary<string, string> { ["SIMLOOP_PROGRESSINTERVAL"] = "00:00:00.100", ["SIMLOOP_FAILURES"] = "off" }));

    // A mistyped SimLoop.* TestRunParameter.
    private static readonly Lazy<ChildRun> s_typo = new(() => ChildRun.Execute(
        "typo",
        filter: "FullyQualifiedName~Passing.Heartbeat_keeps_its_period",
        environment: new Dictionary<string, string> { ["SIMLOOP_FAILURES"] = "off" },
        runParameters: "TestRunParameters.Parameter(name=\"SimLoop.Iteration\", value=\"7\")"));

    public static ChildRun Everything => s_everything.Value;

    public static ChildRun Typo => s_typo.Value;

    public static ChildRun Progress => s_progress.Value;

    public static ChildRun Replay => s_replay.Value;

    public static ChildRun ReplayAmongOthers => s_replayAmongOthers.Value;

    public static ChildRun Overrides => s_overrides.Value;
}

internal static class Tokens
{
    /// <summary>The token in a failure message's "replay with: dotnet test ... -e SIMLOOP_REPLAY=..." line.</summary>
    public static string From(string message)
    {
        const string Marker = "SIMLOOP_REPLAY=";
        var command = Command(message);
        var start = command.IndexOf(Marker, StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), message);
        return command[(start + Marker.Length)..];
    }

    /// <summary>The command of a failure message's "replay with:" line.</summary>
    public static string Command(string message)
    {
        const string Marker = "replay with: ";
        var start = message.IndexOf(Marker, StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), message);
        start += Marker.Length;
        var end = message.IndexOf('\n', start);
        return message[start..end].TrimEnd();
    }
}
