using SimLoop.Exploration;

namespace SimLoop.NUnit.Tests;

// Which replay token applies to one [SimTest]: the rules, one by one, with their messages pinned.
public class ReplaySettingTests
{
    private const string This = "Ns.Fixture.This_test";
    private const string Other = "Ns.Fixture.Other_test";
    private const string Environment = "environment variable SIMLOOP_REPLAY";

    private static string TokenOf(string test) => new ReplayToken("random", 0x2A, [0, 1]).ScopedTo(test).ToString();

    private static readonly string s_unscoped = new ReplayToken("random", 0x2A, [0, 1]).ToString();

    private static string? KnownTests(string scope) =>
        new[] { This, Other }.FirstOrDefault(name => ReplayToken.ScopeOf(name) == scope);

    [Test]
    public void A_token_of_this_test_from_the_environment_applies()
    {
        var problems = new List<string>();
        var choice = ReplaySetting.Resolve((TokenOf(This), Environment), null, This, KnownTests, problems);

        Assert.That((choice.Token, choice.Source, choice.Notes.Count, problems.Count), Is.EqualTo((TokenOf(This), Environment, 0, 0)));
    }

    [Test]
    public void A_token_of_another_test_from_the_environment_is_ignored_with_a_note_naming_that_test()
    {
        var problems = new List<string>();
        var choice = ReplaySetting.Resolve((TokenOf(Other), Environment), null, This, KnownTests, problems);

        Assert.That(choice.Token, Is.Null);
        Assert.That(problems, Is.Empty);
        Assert.That(choice.Notes, Is.EqualTo(new[]
        {
            "SimLoop: Ns.Fixture.This_test: environment variable SIMLOOP_REPLAY holds the replay token of test 'Ns.Fixture.Other_test', not of this test; this test ignored it and explored as usual.",
        }));
    }

    [Test]
    public void A_token_of_a_test_outside_the_assembly_is_ignored_with_its_scope()
    {
        var problems = new List<string>();
        var stranger = TokenOf("Elsewhere.Test");
        var choice = ReplaySetting.Resolve((stranger, Environment), null, This, KnownTests, problems);

        Assert.That(choice.Notes.Single(), Does.Contain($"holds the replay token of a test that is not in this assembly (scope T{ReplayToken.Parse(stranger).Scope})"));
    }

    [Test]
    public void A_token_that_names_no_test_is_refused_from_the_environment()
    {
        var problems = new List<string>();
        ReplaySetting.Resolve((s_unscoped, Environment), null, This, KnownTests, problems);

        Assert.That(problems, Is.EqualTo(new[]
        {
            $"Replay (environment variable SIMLOOP_REPLAY): the token '{s_unscoped}' names no test, so SimLoop cannot tell which test it belongs to, " +
            "and applying it to every [SimTest] of the run would replace each exploration by that one schedule. " +
            "A failing [SimTest] prints a token that names its test: copy that one. A token printed by Sim.Run or Sim.Explore " +
            "replays through the Replay option of the code that printed it (new SimOptions { Replay = ... }).",
        }));
    }

    [Test]
    public void A_token_of_another_test_in_the_attribute_is_an_error_naming_that_test()
    {
        var problems = new List<string>();
        ReplaySetting.Resolve(null, TokenOf(Other), This, KnownTests, problems);

        Assert.That(problems, Is.EqualTo(new[]
        {
            $"Replay ([SimTest(Replay = ...)]): the token '{TokenOf(Other)}' belongs to test 'Ns.Fixture.Other_test', not to this test " +
            "(Ns.Fixture.This_test): it was pasted into the wrong [SimTest]. Move it to the test it names, or remove it.",
        }));
    }

    [Test]
    public void A_token_in_the_attribute_replays_with_a_note_that_exploration_is_off()
    {
        var problems = new List<string>();
        var choice = ReplaySetting.Resolve(null, s_unscoped, This, KnownTests, problems);

        Assert.That(choice.Token, Is.EqualTo(s_unscoped));
        Assert.That(choice.Notes.Single(), Is.EqualTo("SimLoop: Ns.Fixture.This_test runs only the schedule of its [SimTest(Replay = ...)]; remove Replay to explore again."));
    }

    [Test]
    public void A_foreign_token_from_the_environment_falls_back_to_the_attributes()
    {
        var problems = new List<string>();
        var choice = ReplaySetting.Resolve((TokenOf(Other), Environment), TokenOf(This), This, KnownTests, problems);

        Assert.That(choice.Token, Is.EqualTo(TokenOf(This)));
        Assert.That(choice.Notes, Has.Count.EqualTo(2));
    }

    [Test]
    public void The_printed_replay_command_is_one_that_bash_PowerShell_and_cmd_pass_through_unchanged()
    {
        var command = FailureMessage.ReplayCommand("Ns.Fixture.This_test(3,\"a b\")", TokenOf("Ns.Fixture.This_test(3,\"a b\")"));

        // No shell-specific syntax (VAR=value prefixes, $env:, set), no character any of the three shells expands
        // inside or outside double quotes ($ ` ! % ^ & | < > ( ) ; ' and spaces inside a value).
        Assert.That(command, Does.Match("^dotnet test --filter \"FullyQualifiedName~[A-Za-z0-9_.]+\" -e SIMLOOP_REPLAY=SL1_[A-Za-z0-9_]+$"));
    }

    [Test]
    public void The_replay_command_of_an_asyncio_model_failure_names_the_model_a_token_does_not_record()
    {
        var command = FailureMessage.ReplayCommand("Ns.Fixture.This_test", TokenOf("Ns.Fixture.This_test"), LoopModel.Asyncio);

        Assert.That(command, Does.EndWith(" -e SIMLOOP_LOOPMODEL=asyncio"));
    }
}
