using System.Diagnostics;
using BenchmarkDotNet.Running;
using SimLoop.Benchmarks.Coyote;
using SimLoop.Benchmarks.EndToEnd;
using SimLoop.Benchmarks.Overheads;
using SimLoop.Benchmarks.Scale;
using SimLoop.Benchmarks.Steps;

namespace SimLoop.Benchmarks.Compare;

/// <summary>
/// <c>compare [--quick]</c>: runs, in one process, the benchmarks every target needs (BenchmarkDotNet, in-process),
/// the side by side with Coyote, the bug hunts and the memory probe; then prints one table and one "target" line
/// per target. Exit code 1 when a benchmark failed to run; a missed target is a result, not a failure.
/// </summary>
public static class CompareCommand
{
    /// <summary>Which benchmarks feed the table: class and methods.</summary>
    private static readonly (Type Type, string[] Methods)[] s_selection =
    [
        (typeof(StepBenchmarks), ["Bare_queue", "Sim_Yield", "Task_Yield"]),
        (typeof(OperationBenchmarks), ["Yield_step", "Timer_step", "Spawn_and_completion"]),
        (typeof(EndToEndBenchmarks), ["Small_test_fifo", "Small_test_random", "Small_test_pct3", "Small_test_portfolio", "Small_test_alternating_portfolio", "Bounded_buffer_portfolio"]),
        (typeof(CoyoteSideBySideBenchmarks), ["Coyote_small_test", "SimLoop_small_test", "Coyote_bounded_buffer", "SimLoop_bounded_buffer"]),
        (typeof(ParallelExplorationBenchmarks), ["One_thread", "Two_threads"]),
        (typeof(ScaleBenchmarks), ["Sleeping"]),
        (typeof(OverheadBenchmarks), ["Run_bare", "Run_traced", "Run_escape_detection", "Step_bare", "Step_traced", "Step_escape_detection", "Explore_no_self_check", "Explore_self_check"]),
        (typeof(PoolWorkBenchmarks), ["Sim_ToThread_zero_cost", "Task_Run_under_control", "ConfigureAwait_false_under_control"]),
        (typeof(InterceptionBenchmarks), ["DateTime_UtcNow_original", "DateTime_UtcNow_rewritten", "DateTime_UtcNow_rewritten_inside"]),
        (typeof(RewriteBenchmarks), ["Copy_only", "Copy_and_rewrite"]),
    ];

    public static int Run(string[] args)
    {
        var unknown = args.Where(a => a != "--quick").ToList();
        if (unknown.Count > 0)
        {
            Console.Error.WriteLine($"compare: unknown argument(s) {string.Join(' ', unknown)}. Usage: compare [--quick]");
            return 2;
        }

        var quick = args.Contains("--quick");
        if (quick)
        {
            // Scale benchmarks at 1 k and 10 k tasks: 1 M tasks take tens of seconds per run (see BenchSize).
            Environment.SetEnvironmentVariable("SIMLOOP_BENCH_SMALL", "1");
        }

        var (fewest, most) = (ScaleBenchmarks.TaskCounts.Min(), ScaleBenchmarks.TaskCounts.Max());
        var clock = Stopwatch.StartNew();
        CoyoteRunner.EnsureRewritten();

        var measured = new Measurements();
        var phase = Stopwatch.StartNew();
        Warmer.WarmUp(s_selection.SelectMany(s => s.Methods.Select(m => (s.Type, m))), quick ? 0.3 : 1.0);
        Console.WriteLine($"// compare: warm-up took {phase.Elapsed.TotalSeconds:0.0} s");
        foreach (var (type, methods) in s_selection)
        {
            // Of the scale benchmarks, only the fewest and the most tasks.
            var config = CompareConfig.For(quick, heavy: type == typeof(ScaleBenchmarks), c => methods.Contains(c.Descriptor.WorkloadMethod.Name)
                && (c.Descriptor.Type != typeof(ScaleBenchmarks) || (int)c.Parameters["Tasks"] is var n && (n == fewest || n == most)));
            measured.Add(BenchmarkRunner.Run(type, config));
        }

        var seeds = quick ? 5 : 20;
        var budget = quick ? 200 : 1_000;
        phase.Restart();
        var hunts = BugHunt.Run(seeds, budget);
        Console.WriteLine($"// compare: bug hunts took {phase.Elapsed.TotalSeconds:0.0} s");
        phase.Restart();
        var memory = MemoryProbe.SleepingTasks(1_000_000);
        Console.WriteLine($"// compare: memory probe took {phase.Elapsed.TotalSeconds:0.0} s");

        var report = new CompareReport(measured, hunts, memory, quick, seeds, budget, fewest, most);
        Console.WriteLine();
        Console.WriteLine(report.Table());
        foreach (var failure in measured.Failures)
        {
            Console.WriteLine($"benchmark failed: {failure}");
        }

        Console.WriteLine($"compare{(quick ? " --quick" : "")} took {clock.Elapsed.TotalSeconds:0} s");
        foreach (var target in report.Targets())
        {
            Console.WriteLine(target.Line);
        }

        return measured.Failures.Count == 0 ? 0 : 1;
    }
}
