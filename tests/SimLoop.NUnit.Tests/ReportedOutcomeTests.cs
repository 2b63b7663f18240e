using System.Text.Json;

namespace SimLoop.NUnit.Tests;

// What NUnit reports for each fixture of the TestData assembly, run by `dotnet test` in a child process.
public class ReportedOutcomeTests
{
    private static ChildRun Run => TestDataRuns.Everything;

    [TestCase("Heartbeat_keeps_its_period", "SimLoop: strategy portfolio, base seed 0x2A, 50 iterations, 1 distinct schedules, 15 s of virtual time, no failure.")]
    [TestCase("The_heartbeat_stays_on_time_while_a_report_renders", "SimLoop: strategy portfolio, base seed 0x2A, 100 iterations, 2 distinct schedules, 50 s of virtual time, no failure.")]
    [TestCase("A_plain_void_method_runs_on_the_loop", "SimLoop: strategy portfolio, base seed 0x7, 10 iterations, 1 distinct schedules, 50 ms of virtual time, no failure.")]
    [TestCase("Task_Run_runs_as_a_step_of_the_loop", "SimLoop: strategy portfolio, base seed 0x9, 10 iterations, 1 distinct schedules, 10 s of virtual time, no failure.")]
    public void A_passing_simulation_test_passes_and_prints_one_summary_line(string test, string summary)
    {
        var outcome = Run[test];
        Assert.That(outcome.Result, Is.EqualTo("Passed"), outcome.Message);
        Assert.That(outcome.Output.Trim(), Is.EqualTo(summary));
    }

    [Test]
    public void A_failing_assertion_is_reported_once_with_seed_replay_lines_and_the_shrunk_trace()
    {
        var outcome = Run["Lost_update_is_found_by_an_assertion"];

        Assert.That(outcome.Result, Is.EqualTo("Failed"));
        Assert.That(outcome.Message, Does.StartWith("SimLoop: main failed at virtual time 00:00:00.000 (after step"));
        Assert.That(outcome.Message, Does.Contain("[iteration 1, seed 0x"));
        Assert.That(outcome.Message, Does.Not.Contain("Multiple failures"));
        Assert.That(Count(outcome.Message, "Expected: 2"), Is.EqualTo(1), "exactly one assertion failure is reported");
        Assert.That(outcome.Message, Does.Contain("replay with: dotnet test --filter \"FullyQualifiedName~SimLoop.NUnit.TestData.Failing.Lost_update_is_found_by_an_assertion\" -e SIMLOOP_REPLAY=SL1_"));
        Assert.That(outcome.Message, Does.Contain("or: [SimTest(Replay = \""));
        Assert.That(outcome.Message, Does.Match(@"Shrunk from \d+ to \d+ decisions"));
        Assert.That(outcome.Output, Does.Contain("FAILED at iteration 1 (Exception)."));
        Snapshooter.NUnit.Snapshot.Match(Normalised.Message(outcome.Message, Run));
    }

    [Test]
    public void A_headline_that_introduces_its_stack_keeps_Called_from_next_to_it()
    {
        var lines = Run["Result_on_an_unfinished_task_is_a_blocking_wait"].Message.ReplaceLineEndings("\n").Split('\n');

        Assert.That(lines[0], Does.Match(@"^SimLoop: task 'main' blocked the loop thread in Task\.Wait\(\) at virtual time 00:00:00\.000 \(step 0\)\. \[iteration 0, seed 0x[0-9A-F]+\]$"));
        Assert.That(lines[1], Is.EqualTo("Called from:"));
        Assert.That(lines[2], Does.StartWith("   at SimLoop.NUnit.TestData.BlockingWaits.Result_on_an_unfinished_task_is_a_blocking_wait in Failing.cs:line "));
    }

    [Test]
    public void NUnits_stack_trace_points_at_the_failing_line_of_the_test()
    {
        var outcome = Run["Lost_update_is_found_by_an_assertion"];

        Assert.That(outcome.StackTrace.Trim(), Does.Match(@"^at SimLoop\.NUnit\.TestData\.Failing\.Lost_update_is_found_by_an_assertion\(\) in .*Failing\.cs:line 22$"));
    }

    [Test]
    public void The_failure_message_gives_the_absolute_path_of_the_trace_it_attached()
    {
        var outcome = Run["Lost_update_is_found_by_an_assertion"];
        var line = outcome.Message.ReplaceLineEndings("\n").Split('\n').Single(l => l.StartsWith("Trace: ", StringComparison.Ordinal));
        var path = line["Trace: ".Length..line.IndexOf(" (every step", StringComparison.Ordinal)];

        Assert.That(Path.IsPathFullyQualified(path), Is.True, path);
        Assert.That(File.ReadAllText(path), Is.EqualTo(File.ReadAllText(outcome.Attachments.Single(a => a.EndsWith(".json", StringComparison.Ordinal)))));
    }

    [Test]
    public void The_full_trace_of_the_failing_iteration_is_attached_as_chrome_trace_json()
    {
        var outcome = Run["Lost_update_is_found_by_an_assertion"];

        Assert.That(outcome.Attachments, Has.Count.EqualTo(2));
        var json = outcome.Attachments.Single(a => a.EndsWith(".trace.json", StringComparison.Ordinal));
        Assert.That(File.Exists(json), Is.True, json);
        using var trace = JsonDocument.Parse(File.ReadAllText(json));
        Assert.That(trace.RootElement.GetProperty("otherData").GetProperty("complete").GetBoolean(), Is.True);
        Assert.That(trace.RootElement.GetProperty("traceEvents").GetArrayLength(), Is.GreaterThan(0));
    }

    [Test]
    public void The_timeline_of_the_failing_iteration_is_attached_next_to_its_trace_and_its_path_printed()
    {
        var outcome = Run["Lost_update_is_found_by_an_assertion"];

        var timeline = outcome.Attachments.Single(a => a.EndsWith(".trace.html", StringComparison.Ordinal));
        Assert.That(Path.GetFileName(timeline), Is.EqualTo(Path.GetFileName(Path.ChangeExtension(outcome.Attachments.Single(a => a.EndsWith(".json", StringComparison.Ordinal)), ".html"))));
        var printed = outcome.Message.ReplaceLineEndings("\n").Split('\n').Single(line => line.StartsWith("Timeline: ", StringComparison.Ordinal));
        Assert.That(printed, Does.EndWith(" (open it in a browser)"));
        var written = printed["Timeline: ".Length..printed.IndexOf(" (open it in a browser)", StringComparison.Ordinal)];
        Assert.That(Path.IsPathFullyQualified(written), Is.True, written);
        Assert.That(Path.GetFileName(written), Is.EqualTo(Path.GetFileName(timeline)));
        Assert.That(File.Exists(written), Is.True, written);
        var html = File.ReadAllText(timeline);
        Assert.That(html, Does.StartWith("<!DOCTYPE html>"));
        Assert.That(html, Does.Contain("<span class=\"status failed\">failed: Exception</span>"));
        Assert.That(html, Does.Contain("<tr data-task=\"first\">").And.Contain("<tr data-task=\"second\">"));
    }

    [TestCase("Opposite_lock_order_deadlocks", "SimLoop: deadlock at virtual time 00:00:00.000 (after step")]
    [TestCase("Polling_forever_hits_the_time_limit", "SimLoop: time limit reached at virtual time 00:00:50.000 (after step 2)")]
    [TestCase("A_real_timer_escapes_the_loop", "SimLoop: ")]
    [TestCase("Task_Run_is_rejected_in_strict_mode", "SimLoop: task 'main' handed work to a real thread at virtual time 00:00:00.000 (step 0): Task.Run() queued work to the thread pool, and SimOptions.RejectThreadPoolWork forbids it. [iteration 0, seed 0x")]
    [TestCase("Thread_Sleep_in_a_step_is_reported_as_a_hang", "SimLoop: task 'main' has not returned to the loop for 300 ms of real time")]
    [TestCase("A_busy_loop_is_reported_as_a_hang", "SimLoop: task 'main' has not returned to the loop for 300 ms of real time")]
    [TestCase("Heartbeat_is_never_more_than_100_ms_late", "SimLoop: fairness bound violated when the run ended at virtual time 00:00:00.250: the loop lag was 150 ms, more than the 100 ms MaxLoopLag allows (a timer of task 'heartbeat' fired 150 ms after its due time). [iteration ")]
    [TestCase("Heartbeat_keeps_its_time_checked_in_TearDown", "SimLoop: main failed at virtual time 00:00:00.250 (after step 8) with FairnessAssertionException: Fairness bound violated: the loop lag was 150 ms, more than the 100 ms allowed. [iteration ")]
    [TestCase("The_test_itself_is_fair", "SimLoop: fairness bound violated when the run ended at virtual time 00:00:00.210: the loop lag was 150 ms, more than the 100 ms MaxLoopLag allows (a timer of task 'heartbeat' fired 150 ms after its due time). [iteration 0, ")]
    [TestCase("Withdrawals_never_overdraw", "SimLoop: main failed at virtual time 00:00:00.005 (after step 6) with AssertionException: ")]
    [TestCase("A_long_exploration_hits_NUnits_timeout", "SimLoop: NUnit cancelled the test (its [CancelAfter] time ran out) after ")]
    public void Each_kind_of_failure_fails_its_test_with_its_own_message(string test, string start)
    {
        var outcome = Run[test];
        Assert.That(outcome.Result, Is.EqualTo("Failed"));
        Assert.That(outcome.Message, Does.StartWith(start));
    }

    [Test]
    public void An_escape_names_what_left_the_loop()
    {
        var message = Run["A_real_timer_escapes_the_loop"].Message;
        Assert.That(message, Does.StartWith("SimLoop: task 'main' handed work to a real thread at virtual time 00:00:00.000 (step 0): Task.Delay() started a real timer (10 ms on the machine's clock)."));
        Assert.That(message, Does.Contain("Fix: SimLoop's build-time rewriting puts such timers on virtual time in your code and its packages; this call was not rewritten (it is in the shared framework, in a method marked [NotRewritten]"));
    }

    [TestCase("Bad_seed", "SimLoop: invalid [SimTest] settings:\n  - Seed is 'zz' ([SimTest(Seed = ...)]), which is not a seed: write it in hex (0x2A) or decimal (42).")]
    [TestCase("Bad_time_and_iterations", "SimLoop: invalid [SimTest] settings:\n  - MaxVirtualTime is 'soon' ([SimTest(MaxVirtualTime = ...)]), which is not a positive TimeSpan: write it like \"00:10:00\" (ten minutes) or \"1.00:00:00\" (one day).\n  - Iterations is -3 ([SimTest(Iterations = ...)]), but it must be at least 1.")]
    public void An_invalid_setting_fails_only_its_own_test_naming_the_setting_and_the_value(string test, string message)
    {
        var outcome = Run[test];
        Assert.That(outcome.Result, Is.EqualTo("Failed"));
        Assert.That(outcome.Message.ReplaceLineEndings("\n"), Is.EqualTo(message));
    }

    [Test]
    public void A_damaged_replay_token_says_what_a_valid_one_looks_like()
    {
        var outcome = Run["Bad_replay_token"];
        Assert.That(outcome.Result, Is.EqualTo("Failed"));
        Assert.That(outcome.Message, Does.Contain("Replay ([SimTest(Replay = ...)]): The replay token 'SL1_fifo_2A_0000' is not valid: its check digits do not match"));
    }

    [Test]
    public void SetUp_and_TearDown_run_once_per_iteration_and_OneTimeSetUp_once()
    {
        Assert.That(Run["Each_iteration_runs_between_its_SetUp_and_TearDown"].Result, Is.EqualTo("Passed"), Run["Each_iteration_runs_between_its_SetUp_and_TearDown"].Message);
        Assert.That(Run["SetUp_and_TearDown_ran_once_per_iteration"].Result, Is.EqualTo("Passed"), Run["SetUp_and_TearDown_ran_once_per_iteration"].Message);
    }

    [Test]
    public void Parameters_from_TestCase_and_Values_and_generic_and_parameterised_fixtures_all_run()
    {
        var names = new[] { "Test_cases_reach_the_body(1)", "Test_cases_reach_the_body(3)", "Values_reach_the_body(10,True)", "Values_reach_the_body(10,False)", "Values_reach_the_body(20,True)", "Values_reach_the_body(20,False)" };
        foreach (var name in names)
        {
            Assert.That(Run[name].Result, Is.EqualTo("Passed"), name + ": " + Run[name].Message);
        }

        Assert.That(Run.Outcomes.Where(o => o.Name == "Runs_for_each_type_argument").Select(o => o.Result), Is.EqualTo(new[] { "Passed", "Passed" }));
        Assert.That(Run.Outcomes.Where(o => o.Name == "Sees_its_fixture_argument").Select(o => o.Result), Is.EqualTo(new[] { "Passed", "Passed" }));
    }

    [Test]
    public void Simulation_tests_in_parallel_fixtures_pass()
    {
        foreach (var name in new[] { "First", "Second", "Third" })
        {
            Assert.That(Run[name].Result, Is.EqualTo("Passed"), name + ": " + Run[name].Message);
        }
    }

    [Test]
    public void Sim_Explore_from_a_plain_test_reports_exactly_one_failure()
    {
        var outcome = Run["Explore_from_a_plain_test_reports_one_failure"];
        Assert.That(outcome.Result, Is.EqualTo("Failed"));
        Assert.That(outcome.Message, Does.StartWith("SimLoop.SimulationFailedException : SimLoop: main failed at virtual time"));
        Assert.That(outcome.Message, Does.Not.Contain("Multiple failures"));

        // One report: the exception's own message once (NUnit then lists the inner AssertionException, as it always does).
        Assert.That(Count(outcome.Message, "SimLoop: main failed"), Is.EqualTo(1));
        Assert.That(Count(outcome.Message, "Shrunk from"), Is.EqualTo(1));
    }

    [Test]
    public void A_failure_is_saved_for_the_next_run_keyed_by_the_tests_full_name()
    {
        var saved = Directory.GetFiles(Run.FailuresDirectory).Select(Path.GetFileName).ToList();
        Assert.That(saved, Has.Some.StartsWith("SimLoop.NUnit.TestData.Failing.Lost_update_is_found_by_an_assertion-"));
        var file = Directory.GetFiles(Run.FailuresDirectory, "SimLoop.NUnit.TestData.Failing.Lost_update_is_found_by_an_assertion-*").Single();
        Assert.That(File.ReadAllLines(file)[0], Is.EqualTo(Tokens.From(Run["Lost_update_is_found_by_an_assertion"].Message)));
        Assert.That(Run["Lost_update_is_found_by_an_assertion"].Message, Does.Contain("Saved to " + file));
    }

    private static int Count(string text, string part) => text.Split(part).Length - 1;
}
