namespace SimLoop.NUnit.Tests;

public class ReplayAndOverrideTests
{
    [Test]
    public void Running_the_printed_replay_command_in_a_shell_reproduces_the_same_failure()
    {
        var original = TestDataRuns.Everything["Lost_update_is_found_by_an_assertion"];
        var replayed = TestDataRuns.Replay["Lost_update_is_found_by_an_assertion"];

        Assert.That(replayed.Result, Is.EqualTo("Failed"));
        Assert.That(Normalised.Essence(replayed.Message), Is.EqualTo(Normalised.Essence(original.Message)));
        Assert.That(replayed.Output, Does.Contain("(replayed from environment variable SIMLOOP_REPLAY)"));
    }

    [Test]
    public void A_TestRunParameter_beats_the_environment_which_beats_the_attribute()
    {
        var summary = TestDataRuns.Overrides["Heartbeat_keeps_its_period"].Output.Trim();

        // Seed: attribute 0x2A, SIMLOOP_SEED 0x99, TestRunParameter 0x2B. Iterations: attribute 50, SIMLOOP_ITERATIONS 7.
        Assert.That(summary, Is.EqualTo("SimLoop: strategy portfolio, base seed 0x2B, 7 iterations, 1 distinct schedules, 2100 ms of virtual time, no failure."));
    }

    [Test]
    public void A_saved_failure_is_replayed_first_on_the_next_run()
    {
        var outcome = TestDataRuns.Overrides["Lost_update_is_found_by_an_assertion"];

        Assert.That(outcome.Result, Is.EqualTo("Failed"));
        Assert.That(outcome.Message, Does.Contain("Replayed the failure saved by an earlier run in " + TestDataRuns.Everything.FailuresDirectory));
        Assert.That(Normalised.Essence(outcome.Message), Is.EqualTo(Normalised.Essence(TestDataRuns.Everything["Lost_update_is_found_by_an_assertion"].Message)));
    }

    [Test]
    public void A_replay_token_in_the_environment_replays_its_own_test_and_no_other()
    {
        var run = TestDataRuns.ReplayAmongOthers;

        Assert.That(run["Lost_update_is_found_by_an_assertion"].Message, Does.Contain("[replayed, seed"));
        var other = run["Heartbeat_keeps_its_period"];
        Assert.That(other.Result, Is.EqualTo("Passed"));
        Assert.That(other.Output, Does.Contain(
            "SimLoop: SimLoop.NUnit.TestData.Passing.Heartbeat_keeps_its_period: environment variable SIMLOOP_REPLAY holds the replay token of test " +
            "'SimLoop.NUnit.TestData.Failing.Lost_update_is_found_by_an_assertion', not of this test; this test ignored it and explored as usual."));
        Assert.That(other.Output, Does.Contain("SimLoop: strategy portfolio, base seed 0x2A, 50 iterations,"), "it explored all its iterations");
        Assert.That(run.Output, Does.Contain("not of this test; this test ignored it and explored as usual."), "the note is on the console at the default verbosity");
    }

    [Test]
    public void A_replay_token_of_another_test_in_an_attribute_is_an_error_naming_that_test()
    {
        var outcome = TestDataRuns.Everything["Replay_token_of_another_test"];

        Assert.That(outcome.Result, Is.EqualTo("Failed"));
        Assert.That(outcome.Message, Is.EqualTo(
            "SimLoop: invalid [SimTest] settings:\n  - Replay ([SimTest(Replay = ...)]): the token 'SL1_fifo_2A_Tf54f626f_b101' belongs to test " +
            "'SimLoop.NUnit.TestData.Failing.Lost_update_is_found_by_an_assertion', not to this test (SimLoop.NUnit.TestData.Replays.Replay_token_of_another_test): " +
            "it was pasted into the wrong [SimTest]. Move it to the test it names, or remove it."));
    }

    [Test]
    public void A_replay_token_pinned_in_an_attribute_says_on_the_console_that_exploration_is_off()
    {
        Assert.That(TestDataRuns.Everything["Pinned_to_one_schedule"].Result, Is.EqualTo("Passed"));
        Assert.That(TestDataRuns.Everything.Output, Does.Contain(
            "SimLoop: SimLoop.NUnit.TestData.Replays.Pinned_to_one_schedule runs only the schedule of its [SimTest(Replay = ...)]; remove Replay to explore again."));
    }

    [Test]
    public void A_mistyped_SimLoop_TestRunParameter_is_an_error_listing_the_valid_names()
    {
        var outcome = TestDataRuns.Typo["Heartbeat_keeps_its_period"];

        Assert.That(outcome.Result, Is.EqualTo("Failed"));
        Assert.That(outcome.Message, Is.EqualTo(
            "SimLoop: invalid [SimTest] settings:\n  - TestRunParameter SimLoop.Iteration is not a SimLoop setting, so it would change nothing: the TestRunParameters SimLoop reads are " +
            "SimLoop.Iterations, SimLoop.LoopModel, SimLoop.ProgressInterval, SimLoop.Replay, SimLoop.Seed, SimLoop.Shard, SimLoop.Strategy (names are case-sensitive)."));
    }
}
