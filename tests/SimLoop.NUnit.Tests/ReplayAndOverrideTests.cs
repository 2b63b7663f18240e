namespace SimLoop.NUnit.Tests;

public class ReplayAndOverrideTests
{
    [Test]
    public void Running_again_with_the_printed_replay_setting_reproduces_the_same_failure()
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
}
