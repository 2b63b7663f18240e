namespace SimLoop.Tests.Bcl;

// Awaiting a TaskCompletionSource captures the step's context; completing it from a later step posts the waiter
// back to the loop, with or without RunContinuationsAsynchronously.
public class TaskCompletionSourceTests
{
    [TestCase(TaskCreationOptions.None)]
    [TestCase(TaskCreationOptions.RunContinuationsAsynchronously)]
    public void Set_result_from_another_task_resumes_the_waiter_in_a_step_of_its_own(TaskCreationOptions options)
    {
        var log = new List<string>();
        var result = Sim.Run(async () =>
        {
            var signal = new TaskCompletionSource<int>(options);
            var waiter = Sim.Spawn("waiter", async () =>
            {
                var value = await signal.Task;
                log.Add($"waiter got {value} at {Sim.Elapsed.TotalSeconds}");
            });
            var setter = Sim.Spawn("setter", async () =>
            {
                await Sim.Delay(TimeSpan.FromSeconds(1));
                signal.SetResult(7);
                log.Add("setter after SetResult");
            });
            await Task.WhenAll(waiter, setter);
        });

        Assert.That(log, Is.EqualTo(new[] { "setter after SetResult", "waiter got 7 at 1" }));

        // The resumed code is a step of the waiter (its start and its resumption), never of the setter.
        Assert.That(result.Fairness.Task("waiter").Steps, Is.EqualTo(2));
        Assert.That(result.Fairness.Task("setter").Steps, Is.EqualTo(2));
    }

    // Task.RunContinuations, when it may inline, first posts every await continuation but the first one and only
    // then runs the first (to avoid a deep stack), so the first waiter is posted last. With
    // RunContinuationsAsynchronously it skips that pass and posts them all in registration order.
    [TestCase(TaskCreationOptions.None, new[] { "W2", "W3", "W1" })]
    [TestCase(TaskCreationOptions.RunContinuationsAsynchronously, new[] { "W1", "W2", "W3" })]
    public void Waiters_of_one_source_resume_in_the_order_the_bcl_posts_them(TaskCreationOptions options, string[] expected)
    {
        var log = new List<string>();
        Sim.Run(async () =>
        {
            var signal = new TaskCompletionSource(options);
            Task Waiter(string name) => Sim.Spawn(name, async () =>
            {
                await signal.Task;
                log.Add(name);
            });

            var waiters = new[] { Waiter("W1"), Waiter("W2"), Waiter("W3") };
            await Sim.Delay(TimeSpan.FromSeconds(1));
            signal.SetResult();
            await Task.WhenAll(waiters);
        });

        Assert.That(log, Is.EqualTo(expected));
    }

    [TestCase(TaskCreationOptions.None)]
    [TestCase(TaskCreationOptions.RunContinuationsAsynchronously)]
    public void Set_exception_surfaces_at_the_await_at_the_virtual_instant_it_was_set(TaskCreationOptions options)
    {
        var caughtAt = TimeSpan.MinValue;
        Sim.Run(async () =>
        {
            var signal = new TaskCompletionSource(options);
            var failer = Sim.Spawn("failer", async () =>
            {
                await Sim.Delay(TimeSpan.FromSeconds(2));
                signal.SetException(new InvalidOperationException("boom"));
            });
            try
            {
                await signal.Task;
            }
            catch (InvalidOperationException)
            {
                caughtAt = Sim.Elapsed;
            }

            await failer;
        });

        Assert.That(caughtAt, Is.EqualTo(TimeSpan.FromSeconds(2)));
    }

    [TestCase(TaskCreationOptions.None)]
    [TestCase(TaskCreationOptions.RunContinuationsAsynchronously)]
    public void Two_runs_of_the_same_completion_source_scenario_have_the_same_trace_hash(TaskCreationOptions options) =>
        Determinism.AssertSameTraceHashTwice(async () =>
        {
            var signal = new TaskCompletionSource(options);
            var waiters = Enumerable.Range(0, 3).Select(i => Sim.Spawn($"W{i}", async () => await signal.Task)).ToList();
            await Sim.Delay(TimeSpan.FromSeconds(1));
            signal.SetResult();
            await Task.WhenAll(waiters);
        });
}
