using BenchmarkDotNet.Running;
using SimLoop.Benchmarks.Compare;
using SimLoop.Benchmarks.Coyote;

// `compare [--quick]`: the side-by-side with Coyote plus every number a target needs, ending with one
// "target ..." line per target. `profile <workload>`: a
// benchmark body in a loop for a profiler. Anything else goes to BenchmarkDotNet (--filter, --job, --inProcess, --list ...).
if (args.Length > 0 && args[0] == "compare")
{
    return CompareCommand.Run(args.Skip(1).ToArray());
}

if (args.Length > 0 && args[0] == "profile")
{
    return ProfileCommand.Run(args.Skip(1).ToArray());
}

if (args.Length > 0 && args[0] == "coyote-report")
{
    // What Coyote says about each workload: controlled operations, scheduling steps, uncontrolled invocations.
    foreach (var (name, test) in new (string, Func<Task>)[]
    {
        ("small test", SimLoop.Benchmarks.CoyoteWorkloads.SmallTest.Run),
        ("lost update", SimLoop.Benchmarks.CoyoteWorkloads.LostUpdate.Run),
        ("bounded buffer (fixed)", SimLoop.Benchmarks.CoyoteWorkloads.BoundedBuffer.Fixed),
        ("bounded buffer (buggy)", SimLoop.Benchmarks.CoyoteWorkloads.BoundedBuffer.Buggy),
    })
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var outcome = CoyoteRunner.Run(test, CoyoteRunner.Kind.Random, 20, seed: 1);
        Console.WriteLine($"== {name}: {outcome.Iterations} iterations in {clock.Elapsed.TotalMilliseconds:0} ms\n{outcome.Report}\n{outcome.Bug}");
    }

    return 0;
}

var summaries = BenchmarkSwitcher.FromAssembly(typeof(CompareCommand).Assembly).Run(args);
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
