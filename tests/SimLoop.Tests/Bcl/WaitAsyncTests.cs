namespace SimLoop.Tests.Bcl;

// task.WaitAsync(timeout, Sim.Time) arms its timeout through the TimeProvider: the TimeoutException is raised in
// a loop step at the exact instant. The awaited task itself keeps running.
public class WaitAsyncTests
{
    private static Task<int> Answer(TimeSpan after) => Sim.Spawn("worker", async () =>
    {
        await Sim.Delay(after);
        return 42;
    });

    [Test]
    public void Wait_async_times_out_at_exactly_the_timeout_instant()
    {
        var result = Sim.Run(async () =>
        {
            try
            {
                await Answer(TimeSpan.FromSeconds(5)).WaitAsync(TimeSpan.FromMilliseconds(1500), Sim.Time);
                return "answered";
            }
            catch (TimeoutException)
            {
                return $"timed out at {Sim.Elapsed.TotalSeconds}";
            }
        });

        Assert.That(result.Value, Is.EqualTo("timed out at 1.5"));
        Assert.That(result.CancelledTasks, Is.EqualTo(new[] { "worker" }));
    }

    [Test]
    public void Wait_async_returns_the_result_at_the_instant_the_task_finishes_before_the_timeout()
    {
        var result = Sim.Run(async () =>
        {
            var answer = await Answer(TimeSpan.FromSeconds(1)).WaitAsync(TimeSpan.FromSeconds(2), Sim.Time);
            return (Answer: answer, At: Sim.Elapsed);
        });

        Assert.That(result.Value, Is.EqualTo((42, TimeSpan.FromSeconds(1))));
    }

    [TestCase(false, "timed out at 2")]
    [TestCase(true, "timed out at 2")]
    public void At_a_tie_the_timeout_wins_whichever_timer_was_created_first(bool workerTimerFirst, string expected)
    {
        // The worker's delay and the timeout are both due at 2 s. Firing the worker's delay only makes the worker ready;
        // firing the timeout runs its callback at once, which ends WaitAsync before the worker's next step can return
        // 42: as with a Sim.Delay timeout in Task.WhenAny, and as asyncio.wait_for does (a timer handle's callback runs
        // in the batch, the woken task only after it). Yielding once lets the worker create its timer first.
        var result = Sim.Run(async () =>
        {
            var worker = Answer(TimeSpan.FromSeconds(2));
            if (workerTimerFirst)
            {
                await Sim.Yield();
            }

            try
            {
                return $"answered {await worker.WaitAsync(TimeSpan.FromSeconds(2), Sim.Time)} at {Sim.Elapsed.TotalSeconds}";
            }
            catch (TimeoutException)
            {
                return $"timed out at {Sim.Elapsed.TotalSeconds}";
            }
        });

        Assert.That(result.Value, Is.EqualTo(expected));
    }

    [Test]
    public void Wait_async_with_a_token_on_sim_time_is_cancelled_at_the_cancel_instant()
    {
        var result = Sim.Run(async () =>
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(3), Sim.Time);
            try
            {
                await Answer(TimeSpan.FromSeconds(10)).WaitAsync(cts.Token);
                return "answered";
            }
            catch (OperationCanceledException)
            {
                return $"cancelled at {Sim.Elapsed.TotalSeconds}";
            }
        });

        Assert.That(result.Value, Is.EqualTo("cancelled at 3"));
    }

    [Test]
    public void Two_runs_of_the_same_wait_async_scenario_have_the_same_trace_hash() =>
        Determinism.AssertSameTraceHashTwice(async () =>
        {
            var attempts = Enumerable.Range(1, 3).Select(i => Sim.Spawn($"attempt{i}", async () =>
            {
                try
                {
                    await Sim.Delay(TimeSpan.FromSeconds(i)).WaitAsync(TimeSpan.FromSeconds(2), Sim.Time);
                }
                catch (TimeoutException)
                {
                }
            }));
            await Task.WhenAll(attempts);
        });
}
