using System.Globalization;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Commands;
using SimLoop.Diagnostics;
using SimLoop.Exploration;

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
        var settings = SimTestSettings.Resolve(attribute, test.FullName, scope => TestOfScope(test, scope), out var problems);
        if (problems.Count > 0)
        {
            result.SetResult(ResultState.NotRunnable, "SimLoop: invalid [SimTest] settings:\n  - " + string.Join("\n  - ", problems));
            return result;
        }

        foreach (var replayNote in settings.Notes)
        {
            Show(context, replayNote);
        }

        var body = IterationBody.For(context);
        var store = FailureStore.FromEnvironment(AppContext.BaseDirectory);
        var options = settings.Options with
        {
            Progress = new ProgressToNUnit(test.FullName, settings.Options.ProgressInterval),
            CancellationToken = context.CancellationToken, // NUnit's [CancelAfter] stops the exploration between iterations
        };
        try
        {
            string? note = null;
            if (settings.Options.Replay is null && store.Load(test.FullName) is { } saved && ReplayToken.Parse(saved).AppliesTo(test.FullName))
            {
                var again = Sim.Explore(body, options with { Replay = saved });
                if (again.Failure is { } stillFailing)
                {
                    Report(context, stillFailing, store, $"Replayed the failure saved by an earlier run in {store.PathFor(test.FullName)}: it still fails.", save: false, replayed: true, settings.Options.LoopModel);
                    return result;
                }

                note = $"SimLoop: the saved failure {store.PathFor(test.FullName)} no longer fails.";
            }

            var explored = Sim.Explore(body, options);
            if (note is not null)
            {
                context.OutWriter.WriteLine(note);
            }

            var summary = explored.Summary + (settings.ReplaySource is null ? "" : $" (replayed from {settings.ReplaySource})");
            context.OutWriter.WriteLine(summary);
            TestContext.Error.WriteLine(OneLine(test.FullName, summary));
            if (explored.Failure is { } failure)
            {
                Report(context, failure, store, null, save: settings.Options.Replay is null, replayed: settings.Options.Replay is not null, settings.Options.LoopModel);
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

    private static void Report(TestExecutionContext context, SimFailure failure, FailureStore store, string? note, bool save, bool replayed, LoopModel model)
    {
        var test = context.CurrentTest;
        var savedTo = save ? store.Save(test.FullName, failure) : null;
        var (tracePath, timelinePath) = WriteTraces(failure, test);
        var message = FailureMessage.Compose(failure, test.FullName, note ?? (savedTo is null ? null : $"Saved to {savedTo}; it is replayed first on the next run (commit it)."), replayed, tracePath, timelinePath, model);
        TestContext.AddTestAttachment(tracePath, "SimLoop trace of the failing iteration (open in https://ui.perfetto.dev)");
        TestContext.AddTestAttachment(timelinePath, "SimLoop timeline of the failing iteration (open in a browser)");

        // NUnit's stack trace is what IDEs jump from: the user's frames of the exception, when there is one.
        var stack = failure.Exception is { } exception ? FailureReport.StackOf(exception) : null;
        context.CurrentResult.SetResult(ResultState.Failure, message, string.IsNullOrEmpty(stack) ? null : stack);
    }

    /// <summary>
    /// The whole trace of the failing iteration, for Perfetto / chrome://tracing, and its HTML timeline next to it;
    /// returns their absolute paths.
    /// </summary>
    private static (string Trace, string Timeline) WriteTraces(SimFailure failure, Test test)
    {
        var directory = Path.Combine(TestContext.CurrentContext.WorkDirectory, "simloop-traces");
        var path = Path.GetFullPath(Path.Combine(directory, FailureStore.FileName(test.FullName).Replace(".token", ".trace.json", StringComparison.Ordinal)));
        failure.Trace.WriteChromeJson(path);
        var timeline = Path.ChangeExtension(path, ".html");
        failure.WriteHtmlTimeline(timeline);
        return (path, timeline);
    }

    /// <summary>
    /// A line a person running `dotnet test` sees at its default verbosity, as the test runs. The VSTest console
    /// logger shows a passing test's error output and nothing of its standard output or TestContext.Progress, so
    /// SimLoop writes these lines (progress, the summary, replay notes) to TestContext.Error; the test's own
    /// output (TRX StdOut, the IDE's output pane) gets them too.
    /// </summary>
    private static void Show(TestExecutionContext context, string line)
    {
        context.OutWriter.WriteLine(line);
        TestContext.Error.WriteLine(line);
    }

    /// <summary>"SimLoop: strategy ..." as "SimLoop: Namespace.Class.Test: strategy ...".</summary>
    private static string OneLine(string testFullName, string summary) =>
        summary.StartsWith("SimLoop: ", StringComparison.Ordinal) ? $"SimLoop: {testFullName}: {summary["SimLoop: ".Length..]}" : summary;

    /// <summary>The full name of the test of this assembly whose replay tokens carry <paramref name="scope"/>.</summary>
    private static string? TestOfScope(ITest test, string scope)
    {
        var root = test;
        while (root.Parent is { } parent)
        {
            root = parent;
        }

        // Built once per test tree: every test of a run may ask (a token in SIMLOOP_REPLAY reaches them all).
        var scopes = s_scopes.GetValue(root, static tree =>
        {
            var byScope = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var name in Descendants(tree).Where(t => !t.IsSuite).Select(t => t.FullName))
            {
                byScope.TryAdd(ReplayToken.ScopeOf(name), name);
            }

            return byScope;
        });
        return scopes.GetValueOrDefault(scope);

        static IEnumerable<ITest> Descendants(ITest node) =>
            new[] { node }.Concat(node.HasChildren ? node.Tests.SelectMany(Descendants) : []);
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ITest, Dictionary<string, string>> s_scopes = [];

    /// <summary>
    /// Long explorations report their progress where `dotnet test` shows it by default (see <see cref="Show"/>), once
    /// per interval; one shorter than the interval prints only its summary line.
    /// </summary>
    private sealed class ProgressToNUnit(string testName, TimeSpan interval) : IProgress<ExplorationProgress>
    {
        public void Report(ExplorationProgress value)
        {
            if (value.Elapsed >= interval)
            {
                TestContext.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"SimLoop: {testName}: {value.IterationsDone}/{value.IterationsPlanned} iterations, {value.IterationsPerSecond:0} per second, {value.DistinctSchedules} distinct schedules, {value.Failures} failing so far"));
            }
        }
    }
}
