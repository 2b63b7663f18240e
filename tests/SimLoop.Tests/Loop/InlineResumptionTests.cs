namespace SimLoop.Tests.Loop;

// .NET runs an awaiting continuation inline when its task completes on the SynchronizationContext the awaiter
// captured. asyncio never does (done-callbacks go through call_soon), and neither may SimLoop: an inlined
// resumption would hide an interleaving from exploration and charge the waiter's work to the completer.
public class InlineResumptionTests
{
    [Test]
    public void SetResult_in_task_C_resumes_B_in_a_step_of_its_own_after_C_continues()
    {
        var log = new List<string>();
        var result = Sim.Run(async () =>
        {
            var signal = new TaskCompletionSource();
            var b = Sim.Spawn("B", async () =>
            {
                await signal.Task;
                log.Add("B resumed");
            });
            var c = Sim.Spawn("C", () =>
            {
                signal.SetResult();
                log.Add("C's next line");
                return Task.CompletedTask;
            });
            await Task.WhenAll(b, c);
        }, new SimOptions { RecordTrace = true });

        Assert.That(log, Is.EqualTo(new[] { "C's next line", "B resumed" }));
        var steps = result.Trace.Steps.Select(s => $"{s.Task}:{s.Reason}").ToArray();
        Assert.That(steps, Is.EqualTo(new[]
        {
            "main:Spawn", "B:Spawn", "C:Spawn", "B:Continuation", "main:Continuation",
        }));
    }

    [Test]
    public void A_parent_awaiting_a_child_resumes_after_the_childs_last_step()
    {
        var log = new List<string>();
        var result = Sim.Run(async () =>
        {
            var child = Sim.Spawn("child", async () =>
            {
                await Sim.Yield();
                log.Add("child's last line");
            });
            await child;
            log.Add("parent resumed");
        }, new SimOptions { RecordTrace = true });

        Assert.That(log, Is.EqualTo(new[] { "child's last line", "parent resumed" }));
        var steps = result.Trace.Steps.Select(s => $"{s.Task}:{s.Reason}").ToArray();
        Assert.That(steps, Is.EqualTo(new[] { "main:Spawn", "child:Spawn", "child:Yield", "main:Continuation" }));
    }

    [Test]
    public void Work_after_resumption_is_charged_to_the_waiter_not_to_the_completer()
    {
        var result = Sim.Run(async () =>
        {
            var signal = new TaskCompletionSource();
            var waiter = Sim.Spawn("waiter", async () =>
            {
                await signal.Task;
                Sim.Cpu(TimeSpan.FromMilliseconds(40));
            });
            var completer = Sim.Spawn("completer", () =>
            {
                signal.SetResult();
                return Task.CompletedTask;
            });
            await Task.WhenAll(waiter, completer);
        });

        Assert.That(result.Fairness.Task("waiter").CpuTime, Is.EqualTo(TimeSpan.FromMilliseconds(40)));
        Assert.That(result.Fairness.Task("completer").CpuTime, Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void A_spawned_body_does_not_start_inside_the_spawners_step()
    {
        var log = new List<string>();
        Sim.Run(async () =>
        {
            var child = Sim.Spawn("child", () => { log.Add("child runs"); return Task.CompletedTask; });
            log.Add("spawner continues");
            await child;
        });

        Assert.That(log, Is.EqualTo(new[] { "spawner continues", "child runs" }));
    }
}
