using System.Globalization;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Commands;

namespace SimLoop.NUnit;

/// <summary>
/// Runs a [SimTest]: resolves its settings, replays the failure saved by an earlier run, explores, and turns the
/// result into exactly one NUnit outcome. It does not run the inner command chain: it invokes SetUp, the test and
/// TearDown itself in every iteration (see <see cref="IterationBody"/>).
/// </summary>
internal sealed class SimTestCommand(TestCommand innerCommand, SimTestAttribute attribute) : DelegatingTestCommand(innerCommand)
{
    public override TestResult Execute(TestExecutionContext context)
    {
        var result = context.CurrentResult;
        var test = context.CurrentTest;
        var settings = SimTestSettings.Resolve(attribute, out var problems);
        if (problems.Count > 0)
        {
            result.SetResult(ResultState.NotRunnable, "SimLoop: invalid [SimTest] settings:\n  - " + string.Join("\n  - ", problems));
            return result;
        }

        var body = IterationBody.For(context);
        var store = FailureStore.FromEnvironment(AppContext.BaseDirectory);
        var options = settings.Options with
        {
            Progress = new ProgressToNUnit(test.FullName),
            ProgressInterval = TimeSpan.FromSeconds(5),
            CancellationToken = context.CancellationToken, // NUnit's [CancelAfter] stops the exploration between iterations
        };
        try
        {
            string? note = null;
            if (settings.Options.Replay is null && store.Load(test.FullName) is { } saved)
            {
                var again = Sim.Explore(body, options with { Replay = saved });
                if (again.Failure is { } stillFailing)
                {
                    Report(context, stillFailing, store, $"Replayed the failure saved by an earlier run in {store.PathFor(test.FullName)}: it still fails.", save: false, replayed: true);
                    return result;
                }

                note = $"SimLoop: the saved failure {store.PathFor(test.FullName)} no longer fails.";
            }

            var explored = Sim.Explore(body, options);
            if (note is not null)
            {
                context.OutWriter.WriteLine(note);
            }

            context.OutWriter.WriteLine(explored.Summary + (settings.ReplaySource is null ? "" : $" (replayed from {settings.ReplaySource})"));
            if (explored.Failure is { } failure)
            {
                Report(context, failure, store, null, save: settings.Options.Replay is null, replayed: settings.Options.Replay is not null);
            }
            else if (context.CancellationToken.IsCancellationRequested && explored.Iterations < options.Iterations)
            {
                result.SetResult(ResultState.Failure, string.Create(CultureInfo.InvariantCulture,
                    $"SimLoop: NUnit cancelled the test (its [CancelAfter] time ran out) after {explored.Iterations} of {options.Iterations} iterations; none of them failed. Give the test more time, or fewer iterations."));
            }
            else
            {
                result.SetResult(ResultState.Success);
            }
        }
        catch (ArgumentException e)
        {
            // Invalid options or environment (a bad SIMLOOP_SHARD, a damaged saved token): this test cannot run.
            result.SetResult(ResultState.NotRunnable, "SimLoop: " + e.Message);
        }

        return result;
    }

    private static void Report(TestExecutionContext context, SimFailure failure, FailureStore store, string? note, bool save, bool replayed)
    {
        var test = context.CurrentTest;
        var savedTo = save ? store.Save(test.FullName, failure) : null;
        var message = FailureMessage.Compose(failure, test.FullName, note ?? (savedTo is null ? null : $"Saved to {savedTo}; it is replayed first on the next run (commit it)."), replayed);
        var timeline = Attach(failure, test);
        context.CurrentResult.SetResult(ResultState.Failure, message + "\nTimeline (open in a browser): " + timeline);
    }

    /// <summary>
    /// The whole trace of the failing iteration, for Perfetto / chrome://tracing, and its HTML timeline next to it;
    /// returns the timeline's path.
    /// </summary>
    private static string Attach(SimFailure failure, Test test)
    {
        var directory = Path.Combine(TestContext.CurrentContext.WorkDirectory, "simloop-traces");
        var path = Path.Combine(directory, FailureStore.FileName(test.FullName).Replace(".token", ".trace.json", StringComparison.Ordinal));
        failure.Trace.WriteChromeJson(path);
        TestContext.AddTestAttachment(path, "SimLoop trace of the failing iteration (open in https://ui.perfetto.dev)");
        var timeline = Path.ChangeExtension(path, ".html");
        failure.WriteHtmlTimeline(timeline);
        TestContext.AddTestAttachment(timeline, "SimLoop timeline of the failing iteration (open in a browser)");
        return timeline;
    }

    /// <summary>Long explorations report to TestContext.Progress, which NUnit shows while the test runs.</summary>
    private sealed class ProgressToNUnit(string testName) : IProgress<ExplorationProgress>
    {
        public void Report(ExplorationProgress value) => TestContext.Progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"SimLoop: {testName}: {value.IterationsDone}/{value.IterationsPlanned} iterations, {value.IterationsPerSecond:0} per second, {value.DistinctSchedules} distinct schedules, {value.Failures} failing"));
    }
}
