using System.Globalization;
using System.Text;

namespace SimLoop.Benchmarks.Compare;

/// <summary>Turns the measurements into the table and the target lines of <c>compare</c>.</summary>
public sealed class CompareReport(Measurements m, List<BugHunt.Hunt> hunts, MemoryProbe.Result memory, bool quick, int seeds, int budget, int fewest, int most)
{
    private const double GiB = 1024.0 * 1024 * 1024;

    private double YieldRatio => m.Mean("StepBenchmarks.Sim_Yield") / m.Mean("StepBenchmarks.Bare_queue");

    private double SmallTestPerSecond => 1e9 / m.Mean("EndToEndBenchmarks.Small_test_random");

    // Iterations per second of the default portfolio over those of the portfolio it replaced: the inverse ratio of times.
    private double DefaultSpeedVsOld => m.Mean("EndToEndBenchmarks.Small_test_alternating_portfolio") / m.Mean("EndToEndBenchmarks.Small_test_portfolio");

    private double CoyoteSpeedUp => m.Mean("CoyoteSideBySideBenchmarks.Coyote_small_test") / m.Mean("CoyoteSideBySideBenchmarks.SimLoop_small_test");

    private double ParallelSpeedUp => m.Mean("ParallelExplorationBenchmarks.One_thread") / m.Mean("ParallelExplorationBenchmarks.Two_threads");

    // Per step: the ratio of steps/s at 1M tasks to steps/s at 1k tasks is the inverse ratio of times per step.
    private double ScaleRatio => NsPerStep(fewest) / NsPerStep(most);

    private double NsPerStep(int tasks) => m.Mean(Sleeping(tasks)) / Scale.ScaleBenchmarks.StepsFor(tasks);

    private static string Sleeping(int tasks) => $"ScaleBenchmarks.Sleeping[Tasks={tasks}]";

    private static string Count(int n) => n >= 1_000_000 ? $"{n / 1_000_000}M" : $"{n / 1_000}k";

    private double TracingCost => Math.Max(
        m.Mean("OverheadBenchmarks.Run_traced") / m.Mean("OverheadBenchmarks.Run_bare"),
        m.Mean("OverheadBenchmarks.Step_traced") / m.Mean("OverheadBenchmarks.Step_bare"));

    private double EscapeOverheadPercent => 100 * (Math.Max(
        m.Mean("OverheadBenchmarks.Run_escape_detection") / m.Mean("OverheadBenchmarks.Run_bare"),
        m.Mean("OverheadBenchmarks.Step_escape_detection") / m.Mean("OverheadBenchmarks.Step_bare")) - 1);

    public IEnumerable<Target> Targets()
    {
        yield return new Target("yield-step-vs-bare-queue", YieldRatio, "x", "<=", 3);
        yield return new Target("yield-step-allocation", m.Bytes("StepBenchmarks.Sim_Yield"), "B/step", "<=", 0);
        yield return new Target("timer-step", m.Mean("OperationBenchmarks.Timer_step"), "ns", "<=", 200);
        yield return new Target("spawn-and-completion", m.Mean("OperationBenchmarks.Spawn_and_completion"), "ns", "<=", 300);
        yield return new Target("small-test-iterations-per-second", SmallTestPerSecond, "it/s", ">=", 100_000);
        yield return new Target("iterations-per-second-vs-coyote", CoyoteSpeedUp, "x", ">=", 100);
        yield return new Target("small-test-default-portfolio-vs-previous-default", DefaultSpeedVsOld, "x", ">=", 0.9);
        foreach (var hunt in hunts)
        {
            yield return new Target(
                $"iterations-to-bug-{Slug(hunt.Bug)}-{hunt.Strategy}-vs-coyote",
                hunt.SimLoop.Mean,
                "it",
                "<=",
                hunt.Coyote.Mean);
        }

        yield return new Target("two-thread-exploration-speedup", ParallelSpeedUp, "x", ">=", 1.8);
        yield return new Target("memory-1M-sleeping-tasks", memory.LiveBytes / GiB, "GiB", "<", 2);
        yield return new Target($"steps-per-second-{Count(most)}-vs-{Count(fewest)}-tasks", ScaleRatio, "x", ">=", 0.5);
        yield return new Target("tracing-on-vs-off", TracingCost, "x", "<=", 2);
        yield return new Target("escape-detection-overhead", EscapeOverheadPercent, "%", "<=", 10);
        yield return new Target("task-run-under-control", m.Mean("PoolWorkBenchmarks.Task_Run_under_control") / 1e3, "µs", "<=", 50);
        yield return new Target("rewrite-a-1.2-MB-assembly", (m.Mean("RewriteBenchmarks.Copy_and_rewrite") - m.Mean("RewriteBenchmarks.Copy_only")) / 1e6, "ms", "<=", 500);
        yield return new Target("rewritten-clock-read-outside-a-simulation",
            m.Mean("InterceptionBenchmarks.DateTime_UtcNow_rewritten") - m.Mean("InterceptionBenchmarks.DateTime_UtcNow_original"), "ns", "<=", 5);
    }

    public string Table()
    {
        var t = new StringBuilder();
        void Line(FormattableString s) => t.AppendLine(s.ToString(CultureInfo.InvariantCulture));

        Line($"SimLoop benchmarks, {(quick ? "quick mode (3 iterations of 100 ms per benchmark: indicative only)" : "full mode")}; every ratio is against a baseline measured in this run.");
        Line($"");
        Line($"| measurement | SimLoop | baseline (same run) | ratio | allocated |");
        Line($"|---|---:|---:|---:|---:|");
        Row(t, "step: `await Sim.Yield()` ping-pong", "StepBenchmarks.Sim_Yield", "bare queue", "StepBenchmarks.Bare_queue", "/step");
        Row(t, "step: `await Task.Yield()` ping-pong", "StepBenchmarks.Task_Yield", "bare queue", "StepBenchmarks.Bare_queue", "/step");
        Row(t, "timer step: `Sim.Delay(1 ms)`, autojump", "OperationBenchmarks.Timer_step", "yield step", "OperationBenchmarks.Yield_step", "/step");
        Row(t, "Sim.Spawn + start step + completion", "OperationBenchmarks.Spawn_and_completion", "yield step", "OperationBenchmarks.Yield_step", "/task");
        Row(t, "small test (82 steps), Explore, Fifo", "EndToEndBenchmarks.Small_test_fifo", "itself", "EndToEndBenchmarks.Small_test_fifo", "/it", perSecond: true);
        Row(t, "small test, Explore, Random", "EndToEndBenchmarks.Small_test_random", "Fifo", "EndToEndBenchmarks.Small_test_fifo", "/it", perSecond: true);
        Row(t, "small test, Explore, PCT(3)", "EndToEndBenchmarks.Small_test_pct3", "Fifo", "EndToEndBenchmarks.Small_test_fifo", "/it", perSecond: true);
        Row(t, "small test, Explore, Portfolio (default)", "EndToEndBenchmarks.Small_test_portfolio", "previous default", "EndToEndBenchmarks.Small_test_alternating_portfolio", "/it", perSecond: true);
        Row(t, "bounded buffer (fixed), Explore, Portfolio", "EndToEndBenchmarks.Bounded_buffer_portfolio", "small test, Fifo", "EndToEndBenchmarks.Small_test_fifo", "/it", perSecond: true);
        Row(t, "small test, random, **vs Coyote**", "CoyoteSideBySideBenchmarks.SimLoop_small_test", "Coyote", "CoyoteSideBySideBenchmarks.Coyote_small_test", "/it", perSecond: true, baselineAllocated: true);
        Row(t, "bounded buffer (fixed), random, **vs Coyote**", "CoyoteSideBySideBenchmarks.SimLoop_bounded_buffer", "Coyote", "CoyoteSideBySideBenchmarks.Coyote_bounded_buffer", "/it", perSecond: true, baselineAllocated: true);
        Row(t, "exploration on 2 threads", "ParallelExplorationBenchmarks.Two_threads", "1 thread", "ParallelExplorationBenchmarks.One_thread", "/it", perSecond: true);
        var (nsMost, nsFewest) = (NsPerStep(most), NsPerStep(fewest));
        Line($"| {Count(most)} sleeping tasks, per step | {Time(nsMost)}/step ({Rate(1e9 / nsMost)}step/s) | {Count(fewest)} sleeping tasks: {Time(nsFewest)} | {Target.Format(nsMost / nsFewest)}x | {Bytes(m.Bytes(Sleeping(most)) / Scale.ScaleBenchmarks.StepsFor(most))}/step |");
        Row(t, "small test run, RecordTrace on", "OverheadBenchmarks.Run_traced", "off", "OverheadBenchmarks.Run_bare", "/run");
        Row(t, "small test run, DetectEscapes on", "OverheadBenchmarks.Run_escape_detection", "off", "OverheadBenchmarks.Run_bare", "/run");
        Row(t, "yield step, RecordTrace on", "OverheadBenchmarks.Step_traced", "off", "OverheadBenchmarks.Step_bare", "/step");
        Row(t, "yield step, DetectEscapes on", "OverheadBenchmarks.Step_escape_detection", "off", "OverheadBenchmarks.Step_bare", "/step");
        Row(t, "Explore iteration, CheckDeterminism on", "OverheadBenchmarks.Explore_self_check", "off", "OverheadBenchmarks.Explore_no_self_check", "/it");
        Row(t, "`await Task.Run(...)` run under the loop's control", "PoolWorkBenchmarks.Task_Run_under_control", "Sim.ToThread, zero cost", "PoolWorkBenchmarks.Sim_ToThread_zero_cost", "/item");
        Row(t, "`await Sim.Delay(1 ms).ConfigureAwait(false)`, continuation under control", "PoolWorkBenchmarks.ConfigureAwait_false_under_control", "Sim.ToThread, zero cost", "PoolWorkBenchmarks.Sim_ToThread_zero_cost", "/item");
        Row(t, "rewritten `DateTime.UtcNow`, outside a simulation", "InterceptionBenchmarks.DateTime_UtcNow_rewritten", "original call", "InterceptionBenchmarks.DateTime_UtcNow_original", "/read");
        Row(t, "rewritten `DateTime.UtcNow`, inside a simulation", "InterceptionBenchmarks.DateTime_UtcNow_rewritten_inside", "original call", "InterceptionBenchmarks.DateTime_UtcNow_original", "/read");
        Row(t, "rewrite BenchmarkDotNet.dll (~1.2 MB) at build", "RewriteBenchmarks.Copy_and_rewrite", "copy only", "RewriteBenchmarks.Copy_only", "/assembly");
        Line($"| live heap with 1M sleeping tasks | {memory.LiveBytes / GiB:0.00} GiB | | | {memory.BytesPerTask} B/task |");
        Line($"");
        Line($"Iterations until the first bug, mean (worst) over seeds 1..{seeds}, budget {budget} per seed (a seed that finds nothing counts as the budget):");
        Line($"");
        Line($"| bug | strategy | SimLoop | found | Coyote | found |");
        Line($"|---|---|---:|---:|---:|---:|");
        foreach (var h in hunts)
        {
            Line($"| {h.Bug} | {h.Strategy} | {Target.Format(h.SimLoop.Mean)} ({h.SimLoop.Max}) | {h.SimLoop.Found}/{h.SimLoop.Seeds} | {Target.Format(h.Coyote.Mean)} ({h.Coyote.Max}) | {h.Coyote.Found}/{h.Coyote.Seeds} |");
        }

        return t.ToString();
    }

    private void Row(StringBuilder t, string label, string name, string baselineLabel, string baseline, string per, bool perSecond = false, bool baselineAllocated = false)
    {
        var mean = m.Mean(name);
        var baseMean = m.Mean(baseline);
        var value = perSecond ? $"{Time(mean)}{per} ({Rate(1e9 / mean)}{per.TrimStart('/')}/s)" : Time(mean) + per;
        var allocated = Bytes(m.Bytes(name)) + per + (baselineAllocated ? $" (Coyote {Bytes(m.Bytes(baseline))}{per})" : "");
        t.AppendLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {label} | {value} | {baselineLabel}: {Time(baseMean)} | {Target.Format(mean / baseMean)}x | {allocated} |"));
    }

    private static string Time(double ns) => ns switch
    {
        double.NaN => "n/a",
        >= 1e6 => string.Create(CultureInfo.InvariantCulture, $"{ns / 1e6:0.00} ms"),
        >= 1e3 => string.Create(CultureInfo.InvariantCulture, $"{ns / 1e3:0.00} µs"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{ns:0.0} ns"),
    };

    private static string Rate(double perSecond) => perSecond switch
    {
        double.NaN => "n/a ",
        >= 1e6 => string.Create(CultureInfo.InvariantCulture, $"{perSecond / 1e6:0.00} M "),
        >= 1e3 => string.Create(CultureInfo.InvariantCulture, $"{perSecond / 1e3:0.0} k "),
        _ => string.Create(CultureInfo.InvariantCulture, $"{perSecond:0.0} "),
    };

    private static string Bytes(double bytes) => double.IsNaN(bytes) ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{bytes:0} B");

    private static string Slug(string text) => text.Replace(' ', '-');
}
