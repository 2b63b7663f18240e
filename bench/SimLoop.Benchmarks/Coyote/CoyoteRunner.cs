using System.Reflection;
using Microsoft.Coyote;
using Microsoft.Coyote.Logging;
using Microsoft.Coyote.SystematicTesting;

namespace SimLoop.Benchmarks.Coyote;

/// <summary>Runs a Coyote workload under Coyote's TestingEngine, quietly, and says how many iterations it took.</summary>
public static class CoyoteRunner
{
    /// <summary>Coyote strategies comparable to SimLoop's: uniform random, and PCT with <see cref="PctChangePoints"/> priority change points.</summary>
    public enum Kind
    {
        Random,
        Pct,
    }

    /// <summary>SimLoop's Strategy.Pct(3) makes depth - 1 = 2 priority changes; Coyote's bound counts the changes.</summary>
    public const uint PctChangePoints = 2;

    /// <summary>The outcome of one engine run: iterations run (up to and including the first bug) and whether a bug was found.</summary>
    public readonly record struct Outcome(int Iterations, bool FoundBug, string? Bug, string Report);

    public static Outcome Run(Func<Task> test, Kind kind, int iterations, uint seed)
    {
        EnsureRewritten();
        var configuration = Configuration.Create()
            .WithTestingIterations((uint)iterations)
            .WithRandomGeneratorSeed(seed)
            .WithVerbosityEnabled(VerbosityLevel.None)
            .WithConsoleLoggingEnabled(false)
            .WithTelemetryEnabled(false);
        configuration = kind == Kind.Random
            ? configuration.WithRandomStrategy()
            : configuration.WithPrioritizationStrategy(isFair: false, priorityChangeBound: PctChangePoints);

        var ran = 0;
        using var engine = TestingEngine.Create(configuration, test);
        engine.RegisterEndIterationCallBack(_ => ran++);
        engine.Run();
        var report = engine.TestReport;
        return new Outcome(ran, report.NumOfFoundBugs > 0, report.BugReports.FirstOrDefault(), report.GetText(configuration, "..."));
    }

    private static bool s_checked;

    /// <summary>Coyote silently tests nothing useful when the workloads were not rewritten: fail loudly instead.</summary>
    public static void EnsureRewritten()
    {
        if (s_checked)
        {
            return;
        }

        var assembly = typeof(CoyoteWorkloads.SmallTest).Assembly;
        var rewritten = assembly.GetCustomAttributes().Any(a => a.GetType().FullName == "Microsoft.Coyote.Rewriting.RewritingSignatureAttribute");
        if (!rewritten)
        {
            throw new InvalidOperationException(
                $"{assembly.GetName().Name}.dll at {assembly.Location} was not rewritten by Coyote, so Coyote cannot control its tasks. " +
                "Build bench/SimLoop.Benchmarks (its reference to SimLoop.Benchmarks.CoyoteWorkloads runs target RewriteForCoyote) and run from its output.");
        }

        s_checked = true;
    }
}
