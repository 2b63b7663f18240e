using System.Text.RegularExpressions;

namespace SimLoop.NUnit.Tests;

// docs/getting-started.md, followed step by step from an empty folder against the packages built from this
// repository: new NUnit project, add the package (and Polly.Core), write the tests (taken from the guide itself),
// see the account test fail while Polly's default options pass, replay the failure from the printed line.
public partial class GettingStartedTests
{
    // A version no real release uses; its copies in the NuGet cache are removed first, so a rerun never tests a stale package.
    private const string Version = "0.0.0-gettingstarted";

    [Test]
    public void A_new_user_can_follow_the_getting_started_guide_from_an_empty_folder()
    {
        var work = Path.Combine(Path.GetTempPath(), "simloop-getting-started-" + Environment.ProcessId);
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }

        var feed = Directory.CreateDirectory(Path.Combine(work, "packages")).FullName;
        var project = Directory.CreateDirectory(Path.Combine(work, "BankTests")).FullName;
        ForgetCachedPackages();

        foreach (var library in new[] { "SimLoop", "SimLoop.NUnit" })
        {
            Commands.Succeed(Commands.RepositoryRoot, "dotnet", "pack", Path.Combine("src", library, library + ".csproj"),
                "-c", Commands.Configuration, "--no-build", "-o", feed, "-p:PackageVersion=" + Version);
        }

        // Steps 1 and 2.
        Commands.Succeed(project, "dotnet", "new", "nunit");
        Commands.Succeed(project, "dotnet", "new", "nugetconfig");
        Commands.Succeed(project, "dotnet", "nuget", "add", "source", feed, "-n", "simloop");
        Commands.Succeed(project, "dotnet", "add", "package", "SimLoop.NUnit", "--version", Version);
        Commands.Succeed(project, "dotnet", "add", "package", "Polly.Core", "--version", "8.9.1");

        // Step 3: the guide's own code.
        File.Delete(Path.Combine(project, "UnitTest1.cs"));
        File.WriteAllText(Path.Combine(project, "UnitTest1.cs"), GuideCode());

        // Step 4: it fails, printing the replay line.
        var (exitCode, output) = Commands.Run(project, "dotnet", ["test"]);
        Assert.That(exitCode, Is.Not.Zero, output);
        Assert.That(output, Does.Contain("SimLoop: main failed at virtual time 00:00:00.005"));
        Assert.That(output, Does.Contain("Failed:     1, Passed:     2"), "the account test fails; the Polly test with default options and the fairness bound pass");
        var replay = ReplayLine().Match(output);
        Assert.That(replay.Success, Is.True, output);
        Assert.That(Directory.GetFiles(Path.Combine(project, ".simloop", "failures")), Has.Length.EqualTo(1));

        // Step 5: the printed line, pasted into a shell, replays the same failure.
        var (replayExit, replayOutput) = Commands.Run(project, "bash", ["-c", replay.Groups["command"].Value]);
        Assert.That(replayExit, Is.Not.Zero, replayOutput);
        Assert.That(replayOutput, Does.Contain("[replayed, seed"));
        Assert.That(replayOutput, Does.Contain("SimLoop: main failed at virtual time 00:00:00.005"));
    }

    private static string GuideCode()
    {
        var guide = File.ReadAllText(Path.Combine(Commands.RepositoryRoot, "docs", "getting-started.md"));
        var block = CSharpBlock().Match(guide);
        Assert.That(block.Success, Is.True, "docs/getting-started.md has no ```csharp block");
        return block.Groups["code"].Value;
    }

    private static void ForgetCachedPackages()
    {
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var package in new[] { "simloop", "simloop.nunit" })
        {
            var stale = Path.Combine(cache, package, Version);
            if (Directory.Exists(stale))
            {
                Directory.Delete(stale, recursive: true);
            }
        }
    }

    [GeneratedRegex(@"replay with: (?<command>dotnet test --filter ""[^""]+"" -e SIMLOOP_REPLAY=\S+)")]
    private static partial Regex ReplayLine();

    [GeneratedRegex(@"```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
