using System.Text.RegularExpressions;
using SimLoop.Tests.Fairness;

namespace SimLoop.Tests.Docs;

/// <summary>
/// Every ```csharp block of README.md and docs/ is code that a test compiles and runs: its lines (ignoring
/// indentation, blank lines and using directives) appear, in order and together, in one of the sample sources
/// below, which are part of the test projects. docs/getting-started.md is built and run as a new project by
/// SimLoop.NUnit.Tests (GettingStartedTests) instead.
/// </summary>
public partial class DocSampleTests
{
    private static readonly string[] s_samples =
    [
        "tests/SimLoop.Tests/Docs/DocSampleTests.cs",
        "tests/SimLoop.Tests/Fairness/WorkedExample.cs",
        "tests/SimLoop.Tests/Fairness/ExplorationWorkedExampleTests.cs",
        "tests/SimLoop.NUnit.TestData/ReadmeSample.cs",
    ];

    [Test]
    public void Every_csharp_block_of_the_readme_and_docs_is_in_a_compiled_sample()
    {
        var root = Repository.Root;
        var samples = s_samples.Select(path => Lines(File.ReadAllText(Path.Combine(root, path)))).ToList();
        var documents = new[] { "README.md" }.Concat(Directory.GetFiles(Path.Combine(root, "docs"), "*.md").Select(path => Path.GetRelativePath(root, path)))
            .Where(path => !path.EndsWith("getting-started.md", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

        var missing = new List<string>();
        var blocks = 0;
        foreach (var document in documents)
        {
            foreach (Match block in CSharpBlock().Matches(File.ReadAllText(Path.Combine(root, document)).ReplaceLineEndings("\n")))
            {
                blocks++;
                var lines = Lines(block.Groups["code"].Value);
                if (!samples.Any(sample => Contains(sample, lines)))
                {
                    missing.Add($"{document}: a block starting '{lines.FirstOrDefault()}'");
                }
            }
        }

        Assert.That(missing, Is.Empty, "Blocks that no compiled sample holds (copy them into one of: " + string.Join(", ", s_samples) + ")");
        Assert.That(blocks, Is.GreaterThanOrEqualTo(7));
    }

    // README: "Without NUnit, Sim.Run(main, options) runs one simulation".
    [Test]
    public void Readme_Sim_Run()
    {
        var result = Sim.Run(async () =>
        {
            var heartbeat = Sim.Spawn("heartbeat", async () => await Sim.Delay(TimeSpan.FromMilliseconds(200)));
            await Sim.Delay(TimeSpan.FromMilliseconds(150));
            Sim.Cpu(TimeSpan.FromMilliseconds(300), "parse");      // no await: the loop is frozen from 150 to 450 ms
            await heartbeat;
        });
        Assert.That(result.Fairness.Task("heartbeat").MaxTimerLateness, Is.EqualTo(TimeSpan.FromMilliseconds(250)));
    }

    // docs/fairness.md, "Asserting bounds".
    [Test]
    public void Fairness_asserting_bounds()
    {
        var result = WorkedExample.Run();
        Assert.That(result.Fairness.Task("heartbeat").MaxTimerLateness, Is.EqualTo(TimeSpan.FromMilliseconds(150)));

        var error = Assert.Throws<FairnessAssertionException>(() =>
        {
            result.Fairness
                .AssertMaxLoopLag(TimeSpan.FromMilliseconds(200))
                .AssertSchedulingDelay("uploader", TimeSpan.FromMilliseconds(50))
                .AssertNoSlowSteps();   // throws FairnessAssertionException: 1 step(s) held the loop for 100 ms or more; ...
        })!;
        Assert.That(error.Message, Does.StartWith("Fairness bound violated: 1 step(s) held the loop for 100 ms or more; "));
    }

    // docs/fairness.md, "Inside the run".
    [Test]
    public void Fairness_inside_the_run()
    {
        var explored = Sim.Explore(async () =>
        {
            var heartbeat = Sim.Spawn("heartbeat", async () => await Sim.Delay(TimeSpan.FromMilliseconds(200)));
            await Sim.Delay(TimeSpan.FromMilliseconds(150));
            Sim.Cpu(TimeSpan.FromMilliseconds(300), "parse");
            await heartbeat;
            Sim.Current.Fairness.AssertMaxLoopLag(TimeSpan.FromMilliseconds(100));
        }, new ExploreOptions { Seed = 1, Iterations = 3, Parallelism = 1 });

        Assert.That(explored.Failure!.Exception, Is.InstanceOf<FairnessAssertionException>());
    }

    // docs/timeline.md: writing the HTML timeline of a run and of an exploration's failure.
    [Test]
    public void Timeline_writing()
    {
        // The sample's relative paths land under the test run's working directory (the test assembly's folder).
        Func<Task> main = () => Sim.Delay(TimeSpan.FromMilliseconds(10));
        Func<Task> test = async () =>
        {
            var shared = 0;
            await Task.WhenAll(Sim.Spawn("a", Bump), Sim.Spawn("b", Bump));
            Assert.That(shared, Is.EqualTo(2));

            async Task Bump()
            {
                var read = shared;
                await Sim.Yield();
                shared = read + 1;
            }
        };

        var result = Sim.Run(main, new SimOptions { RecordTrace = true });
        result.WriteHtmlTimeline("artifacts/run.html");      // or result.ToHtmlTimeline() for the text

        var explored = Sim.Explore(test);
        explored.Failure?.WriteHtmlTimeline("artifacts/failure.html");   // SimFailure has the same two methods

        Assert.That(File.ReadAllText("artifacts/run.html"), Does.StartWith("<!DOCTYPE html>"));
        Assert.That(File.ReadAllText("artifacts/failure.html"), Does.StartWith("<!DOCTYPE html>"));
    }

    private static List<string> Lines(string code) =>
        code.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0 && !line.StartsWith("using ", StringComparison.Ordinal)).ToList();

    private static bool Contains(List<string> sample, List<string> block)
    {
        for (var start = 0; start + block.Count <= sample.Count; start++)
        {
            if (sample.Skip(start).Take(block.Count).SequenceEqual(block, StringComparer.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
