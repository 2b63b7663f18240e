namespace SimLoop.Tests.Bcl;

// Documented limitation (docs/limitations.md, docs/architecture.md): SimLoop gives every step a fresh
// SynchronizationContext so that a completion never resumes its awaiter inline. An awaiter that captured the
// context in the same step as the completion sees that very context as current, and .NET then runs it inline
// (SynchronizationContextAwaitTaskContinuation.Run: m_syncContext == SynchronizationContext.Current). A source made
// with RunContinuationsAsynchronously, or a waiter started with Sim.Spawn, resumes in a step of its own.
public class SameStepInlineResumptionTests
{
    [Test]
    public void Documented_limitation_a_waiter_started_in_the_step_that_completes_its_source_resumes_inline_inside_set_result()
    {
        var log = new List<string>();
        var result = Sim.Run(async () =>
        {
            var signal = new TaskCompletionSource();
            var waiting = WaitFor(signal.Task, log);
            signal.SetResult();
            log.Add("main after SetResult");
            await waiting;
        }, new SimOptions { RecordTrace = true });

        Assert.That(log, Is.EqualTo(new[] { "waiter resumed", "main after SetResult" }));
        Assert.That(result.Trace.Steps.Select(step => $"{step.Task}:{step.Reason}"), Is.EqualTo(new[] { "main:Spawn" }));
    }

    [Test]
    public void Workaround_a_source_that_runs_continuations_asynchronously_resumes_that_waiter_in_a_step_of_its_own()
    {
        var log = new List<string>();
        var result = Sim.Run(async () =>
        {
            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var waiting = WaitFor(signal.Task, log);
            signal.SetResult();
            log.Add("main after SetResult");
            await waiting;
        }, new SimOptions { RecordTrace = true });

        Assert.That(log, Is.EqualTo(new[] { "main after SetResult", "waiter resumed" }));
        Assert.That(result.Trace.Steps.Select(step => $"{step.Task}:{step.Reason}"),
            Is.EqualTo(new[] { "main:Spawn", "main:Continuation", "main:Continuation" }));
    }

    [Test]
    public void Workaround_a_waiter_started_with_sim_spawn_resumes_in_a_step_of_its_own()
    {
        var log = new List<string>();
        var result = Sim.Run(async () =>
        {
            var signal = new TaskCompletionSource();
            var waiting = Sim.Spawn("waiter", () => WaitFor(signal.Task, log));
            await Sim.Yield();
            signal.SetResult();
            log.Add("main after SetResult");
            await waiting;
        }, new SimOptions { RecordTrace = true });

        Assert.That(log, Is.EqualTo(new[] { "main after SetResult", "waiter resumed" }));
        Assert.That(result.Trace.Steps.Select(step => $"{step.Task}:{step.Reason}"),
            Is.EqualTo(new[] { "main:Spawn", "waiter:Spawn", "main:Yield", "waiter:Continuation", "main:Continuation" }));
    }

    private static async Task WaitFor(Task signal, List<string> log)
    {
        await signal;
        log.Add("waiter resumed");
    }
}
