using System.Diagnostics;
using System.Globalization;
using SimLoop.Benchmarks.Coyote;
using SimLoop.Benchmarks.EndToEnd;
using SimLoop.Benchmarks.Overheads;
using SimLoop.Benchmarks.Scale;
using SimLoop.Benchmarks.Steps;

namespace SimLoop.Benchmarks.Compare;

/// <summary>
/// <c>profile &lt;workload&gt; [seconds]</c>: runs one benchmark body in a loop, outside BenchmarkDotNet, for a
/// profiler to attach to (perf with DOTNET_PerfMapEnabled=1, dotnet-trace, dotnet-counters), and prints what the
/// runtime itself accounts: wall time per call, collections per generation and the share of time the GC paused
/// the process. Not a benchmark: numbers for "where does the time go", next to a profile.
/// </summary>
public static class ProfileCommand
{
    private static readonly Dictionary<string, Func<object>> s_workloads = new(StringComparer.Ordinal)
    {
        ["yield"] = () => new StepBenchmarks().Sim_Yield(),
        ["bare-queue"] = () => WithSetup(new StepBenchmarks(), b => b.Setup()).Bare_queue(),
        ["timer"] = () => new OperationBenchmarks().Timer_step(),
        ["spawn"] = () => WithSetup(new OperationBenchmarks(), b => b.Setup()).Spawn_and_completion(),
        ["small-test"] = () => new EndToEndBenchmarks().Small_test_random(),
        ["explore-1-thread"] = () => new ParallelExplorationBenchmarks().One_thread(),
        ["explore-2-threads"] = () => new ParallelExplorationBenchmarks().Two_threads(),
        ["sleeping-1k"] = () => Scale(1_000).Sleeping(),
        ["sleeping-100k"] = () => Scale(100_000).Sleeping(),
        ["sleeping-1M"] = () => Scale(1_000_000).Sleeping(),
        ["ready-1M"] = () => Scale(1_000_000).Ready(),
        ["step-escape-detection"] = () => new OverheadBenchmarks().Step_escape_detection(),
        ["step-bare"] = () => new OverheadBenchmarks().Step_bare(),
        ["step-traced"] = () => new OverheadBenchmarks().Step_traced(),
        ["run-bare"] = () => new OverheadBenchmarks().Run_bare(),
        ["run-escape-detection"] = () => new OverheadBenchmarks().Run_escape_detection(),
        ["same-instant-100k"] = () => new SameInstantTimersBenchmarks { Timers = 100_000 }.Same_instant(),
        ["coyote-small-test"] = () => new CoyoteSideBySideBenchmarks().Coyote_small_test(),
    };

    private static readonly Dictionary<int, ScaleBenchmarks> s_scale = [];

    private static ScaleBenchmarks Scale(int tasks)
    {
        if (!s_scale.TryGetValue(tasks, out var benchmarks))
        {
            benchmarks = WithSetup(new ScaleBenchmarks { Tasks = tasks }, b => b.Setup());
            s_scale[tasks] = benchmarks;
        }

        return benchmarks;
    }

    public static int Run(string[] args)
    {
        if (args.Length == 0 || !s_workloads.TryGetValue(args[0], out var workload))
        {
            Console.Error.WriteLine("Usage: profile <workload> [seconds]; workloads: " + string.Join(", ", s_workloads.Keys));
            return 2;
        }

        var seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        workload(); // warm up (and set up) once, outside the accounting
        var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
        var clock = Stopwatch.StartNew();
        var calls = 0;
        while (clock.Elapsed.TotalSeconds < seconds || calls == 0)
        {
            workload();
            calls++;
        }

        var elapsed = clock.Elapsed;
        var pause = GC.GetTotalPauseDuration() - gcBefore.Item4;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{args[0]}: {calls} calls in {elapsed.TotalSeconds:0.00} s, {elapsed.TotalMilliseconds / calls:0.000} ms per call; " +
            $"collections gen0 {GC.CollectionCount(0) - gcBefore.Item1}, gen1 {GC.CollectionCount(1) - gcBefore.Item2}, gen2 {GC.CollectionCount(2) - gcBefore.Item3}; " +
            $"GC pauses {pause.TotalMilliseconds:0} ms = {100 * pause / elapsed:0.0} % of the time"));
        return 0;
    }

    private static T WithSetup<T>(T benchmarks, Action<T> setup)
    {
        setup(benchmarks);
        return benchmarks;
    }
}
