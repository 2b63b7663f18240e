using System.Diagnostics;
using System.Globalization;
using Cw = SimLoop.Benchmarks.CoyoteWorkloads;

namespace SimLoop.Benchmarks.Coyote;

/// <summary>
/// <c>coyote-report</c>: what Coyote itself says about each workload after 20 random iterations (controlled
/// operations, scheduling decisions, uncontrolled invocations, the bug found): the check that Coyote really
/// controls the rewritten workloads, and where its time per iteration goes.
/// </summary>
public static class CoyoteReportCommand
{
    public static int Run()
    {
        foreach (var (name, test) in new (string, Func<Task>)[]
        {
            ("small test", Cw.SmallTest.Run),
            ("lost update", Cw.LostUpdate.Run),
            ("bounded buffer (fixed)", Cw.BoundedBuffer.Fixed),
            ("bounded buffer (buggy)", Cw.BoundedBuffer.Buggy),
        })
        {
            var clock = Stopwatch.StartNew();
            var outcome = CoyoteRunner.Run(test, CoyoteRunner.Kind.Random, 20, seed: 1);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"== {name}: {outcome.Iterations} iterations in {clock.Elapsed.TotalMilliseconds:0} ms"));
            Console.WriteLine(outcome.Report);
            if (outcome.Bug is not null)
            {
                Console.WriteLine(outcome.Bug);
            }
        }

        return 0;
    }
}
