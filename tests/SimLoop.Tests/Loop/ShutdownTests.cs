namespace SimLoop.Tests.Loop;

// asyncio.run cancels what is still pending when main returns and lets it clean up; so does Sim.Run.
public class ShutdownTests
{
    [Test]
    public void Tasks_pending_when_main_finishes_are_cancelled_and_listed()
    {
        var result = Sim.Run(async () =>
        {
            _ = Sim.Spawn("sleeper", async () => await Sim.Delay(TimeSpan.FromHours(1)));
            _ = Sim.Spawn("done", () => Task.CompletedTask);
            await Sim.Delay(TimeSpan.FromSeconds(1));
        });

        Assert.That(result.CancelledTasks, Is.EqualTo(new[] { "sleeper" }));
        Assert.That(result.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(1)));
    }

    [Test]
    public void A_cancelled_sleeper_runs_its_clean_up_code()
    {
        var log = new List<string>();
        Sim.Run(async () =>
        {
            _ = Sim.Spawn("sleeper", async () =>
            {
                try
                {
                    await Sim.Delay(TimeSpan.FromHours(1));
                    log.Add("woke up");
                }
                catch (OperationCanceledException)
                {
                    log.Add("cancelled at " + Sim.Elapsed);
                }
                finally
                {
                    log.Add("finally");
                }
            });
            await Sim.Delay(TimeSpan.FromSeconds(1));
        });

        Assert.That(log, Is.EqualTo(new[] { "cancelled at 00:00:01", "finally" }));
    }

    [Test]
    public void The_shutdown_token_of_a_spawned_task_is_cancelled_when_main_finishes()
    {
        var observed = false;
        var result = Sim.Run(async () =>
        {
            var signal = new TaskCompletionSource();
            _ = Sim.Spawn("listener", async token =>
            {
                using var registration = token.Register(() => observed = true);
                await signal.Task;
            });
            await Sim.Yield();
        });

        Assert.That(observed, Is.True);
        Assert.That(result.CancelledTasks, Is.EqualTo(new[] { "listener" }));
    }

    [Test]
    public void Repeated_task_names_get_a_numbered_suffix()
    {
        var result = Sim.Run(async () =>
        {
            await Task.WhenAll(
                Sim.Spawn("worker", () => Task.CompletedTask),
                Sim.Spawn("worker", () => Task.CompletedTask),
                Sim.Spawn("worker", () => Task.CompletedTask));
        });

        Assert.That(result.Fairness.Tasks.Select(t => t.Name), Is.EqualTo(new[] { "main", "worker", "worker#2", "worker#3" }));
    }
}
