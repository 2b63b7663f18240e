using System.Diagnostics;
using System.Reflection;

namespace SimLoop.Tests.Diagnostics;

// A step that spins without awaiting or blocking cannot be interrupted (.NET cannot abort a thread). In a plain
// Sim.Run the stuck thread is the caller's, so the watchdog ends the process with its report rather than let it
// hang. Run in a separate process, since it ends the process.
public class BusyLoopProcessTests
{
    [Test]
    public void A_busy_loop_in_a_plain_run_ends_the_process_with_the_watchdog_report_instead_of_hanging()
    {
        var probe = typeof(BusyLoopProcessTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SimLoop.ShardProbe").Value!;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(probe);
        start.ArgumentList.Add("busy-loop");

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var exited = process.WaitForExit(TimeSpan.FromSeconds(30));
        if (!exited)
        {
            process.Kill();
        }

        Assert.That(exited, Is.True, "the process hung");
        Assert.That(process.ExitCode, Is.Not.Zero);
        Assert.That(error.Result, Does.Contain("SimLoop: task 'main' has not returned to the loop for 200 ms of real time: step 0, started at virtual time 00:00:00.000"));
        Assert.That(error.Result, Does.Contain("The step is still running and .NET cannot stop a thread, so SimLoop ends the process rather than hang it."));
    }
}
