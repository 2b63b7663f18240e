using System.Text.RegularExpressions;

namespace SimLoop.NUnit.Tests;

// What a person sees in the console of a plain `dotnet test` (default verbosity), not in the TRX file: a summary
// line per [SimTest], progress of long explorations, and the failures.
public partial class ConsoleOutputTests
{
    [Test]
    public void Every_simulation_test_prints_one_summary_line_on_the_console()
    {
        var console = TestDataRuns.Everything.Output;

        Assert.That(console, Does.Contain("SimLoop: SimLoop.NUnit.TestData.Passing.Heartbeat_keeps_its_period: strategy portfolio, base seed 0x2A, 50 iterations, 1 distinct schedules, 15 s of virtual time, no failure."));
        Assert.That(console, Does.Contain("SimLoop: SimLoop.NUnit.TestData.Failing.Lost_update_is_found_by_an_assertion: strategy portfolio, base seed 0x5EED, 2 iterations, 2 distinct schedules, 0 ms of virtual time, FAILED at iteration 1 (Exception)."));
        Assert.That(Regex.Count(console, "SimLoop: SimLoop.NUnit.TestData.Passing.Heartbeat_keeps_its_period: "), Is.EqualTo(1), "a short exploration prints no progress");
    }

    [Test]
    public void A_long_exploration_prints_its_progress_on_the_console_as_it_runs()
    {
        var lines = ProgressLine().Matches(TestDataRuns.Progress.Output).Select(m => int.Parse(m.Groups["done"].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.That(lines, Has.Count.GreaterThanOrEqualTo(2), TestDataRuns.Progress.Output);
        Assert.That(lines, Is.Ordered.Ascending);
    }

    [GeneratedRegex(@"SimLoop: SimLoop\.NUnit\.TestData\.Hangs\.A_long_exploration_hits_NUnits_timeout: (?<done>\d+)/100000000 iterations, \d+ per second, 1 distinct schedules, 0 failing so far")]
    private static partial Regex ProgressLine();
}
