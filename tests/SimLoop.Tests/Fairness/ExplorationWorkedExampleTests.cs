using SimLoop.Tests.Docs;
using System.Text.RegularExpressions;

namespace SimLoop.Tests.Fairness;

// The worked example of docs/fairness.md, "Fairness under exploration": the document's code is this file's code,
// and the failure it shows is the one this code finds.
public partial class ExplorationWorkedExampleTests
{
    // begin example
    internal static async Task Service()
    {
        var warmed = false;
        var warmup = Sim.Spawn("warmup", async () =>
        {
            await Sim.Yield(); // loads the cache
            warmed = true;
        });
        var job = Sim.Spawn("job", async () =>
        {
            await Sim.Yield();
            Sim.Cpu(TimeSpan.FromMilliseconds(warmed ? 50 : 250), warmed ? "warm start" : "cold start");
        });
        var heartbeat = Sim.Spawn("heartbeat", async () => await Sim.Delay(TimeSpan.FromMilliseconds(100)));
        await Task.WhenAll(warmup, job, heartbeat);
    }

    private static ExplorationResult Explore() => Sim.Explore(Service, new ExploreOptions
    {
        Seed = 0x5EED,
        Iterations = 200,
        MaxLoopLag = TimeSpan.FromMilliseconds(100), // or [SimTest(MaxLoopLag = "00:00:00.100")]
    });
    // end example

    [Test]
    public void FIFO_keeps_the_bound_and_exploration_finds_the_schedule_that_breaks_it()
    {
        Assert.That(Sim.Run(Service).Fairness.MaxLoopLag, Is.EqualTo(TimeSpan.Zero));

        var failure = Explore().Failure!;

        Assert.That(failure.Kind, Is.EqualTo(FailureKind.FairnessViolation));
        Assert.That(Sim.Run(Service, new SimOptions { Replay = failure.ReplayToken }).Fairness.Task("heartbeat").MaxTimerLateness, Is.EqualTo(TimeSpan.FromMilliseconds(150)));
    }

    [Test]
    public void The_document_shows_this_code_and_the_failure_it_finds()
    {
        var document = File.ReadAllText(Path.Combine(Repository.Root, "docs", "fairness.md")).ReplaceLineEndings("\n");
        var section = document[document.IndexOf("## Fairness under exploration", StringComparison.Ordinal)..];
        var code = CodeBlock().Match(section).Groups["code"].Value;
        var output = OutputBlock().Match(section).Groups["output"].Value;

        var source = File.ReadAllText(Path.Combine(Repository.Root, "tests", "SimLoop.Tests", "Fairness", "ExplorationWorkedExampleTests.cs")).ReplaceLineEndings("\n");
        var example = source[(source.IndexOf("// begin example\n", StringComparison.Ordinal) + "// begin example\n".Length)..source.IndexOf("    // end example", StringComparison.Ordinal)];
        Assert.That(code, Is.EqualTo(Unindent(example)));

        // The document shows the failure message down to its replay line (the step list follows it).
        var message = Explore().Failure!.Message.ReplaceLineEndings("\n");
        var shown = message[..message.IndexOf('\n', message.IndexOf("replay with:", StringComparison.Ordinal))];
        Assert.That(output.TrimEnd(), Is.EqualTo(shown));
    }

    private static string Unindent(string code) =>
        string.Join('\n', code.Split('\n').Select(line => line.StartsWith("    ", StringComparison.Ordinal) ? line[4..] : line));


    [GeneratedRegex(@"```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"```text\n(?<output>.*?)```", RegexOptions.Singleline)]
    private static partial Regex OutputBlock();
}
