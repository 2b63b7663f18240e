using BenchmarkDotNet.Running;
using SimLoop.Benchmarks.Compare;
using SimLoop.Benchmarks.Coyote;

// `compare [--quick]`: the side by side with Coyote plus every number a target needs, ending with one "target ..."
// line per target (docs/performance.md). `profile <workload> [seconds]`: one benchmark body in a loop, for a
// profiler. `coyote-report`: Coyote's own statistics for each workload. `timeline-page <path>`: writes the HTML
// timeline of the ~100 k-step run the timeline benchmarks use, to open in a browser (docs/performance.md).
// `bugs [--quick]`: the bug benchmark set (SCTBench ports) under every strategy, with the published figures and
// the exploration targets. `rates [--quick]`: each strategy arm's bug probability per run on that set, and the
// expected iterations to the first bug they give every single strategy and portfolio design. Anything else goes to BenchmarkDotNet (--filter, --job, --inProcess, --list ...).
switch (args.FirstOrDefault())
{
    case "compare":
        return CompareCommand.Run(args.Skip(1).ToArray());
    case "profile":
        return ProfileCommand.Run(args.Skip(1).ToArray());
    case "coyote-report":
        return CoyoteReportCommand.Run();
    case "timeline-page":
        return SimLoop.Benchmarks.Timeline.TimelinePageCommand.Run(args.Skip(1).ToArray());
    case "bugs":
        return SimLoop.Benchmarks.Bugs.BugsCommand.Run(args.Skip(1).ToArray());
    case "rates":
        return SimLoop.Benchmarks.Bugs.RatesCommand.Run(args.Skip(1).ToArray());
}

var summaries = BenchmarkSwitcher.FromAssembly(typeof(CompareCommand).Assembly).Run(args);
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
