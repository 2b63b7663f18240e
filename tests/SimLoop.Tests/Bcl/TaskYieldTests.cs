namespace SimLoop.Tests.Bcl;

// Task.Yield posts its continuation to SynchronizationContext.Current, which inside a step is the loop's context.
public class TaskYieldTests
{
    [Test]
    public void Task_yield_resumes_behind_the_tasks_that_are_already_ready()
    {
        var log = new List<string>();
        Sim.Run(async () =>
        {
            var a = Sim.Spawn("A", async () => { log.Add("A"); await Task.CompletedTask; });
            var b = Sim.Spawn("B", async () => { log.Add("B"); await Task.CompletedTask; });
            await Task.Yield();
            log.Add("main");
            await Task.WhenAll(a, b);
        });

        Assert.That(log, Is.EqualTo(new[] { "A", "B", "main" }));
    }

    [Test]
    public void Each_task_yield_is_one_step_and_moves_no_time()
    {
        var result = Sim.Run(async () =>
        {
            for (var i = 0; i < 3; i++)
            {
                await Task.Yield();
            }
        });

        Assert.That(result.Trace.Steps.Select(step => step.Reason), Is.EqualTo(new[]
        {
            ReadyReason.Spawn, ReadyReason.Continuation, ReadyReason.Continuation, ReadyReason.Continuation,
        }));
        Assert.That(result.Elapsed, Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void Two_tasks_that_yield_in_turn_interleave_strictly()
    {
        var log = new List<string>();
        Sim.Run(async () =>
        {
            Task Worker(string name) => Sim.Spawn(name, async () =>
            {
                for (var i = 0; i < 3; i++)
                {
                    log.Add($"{name}{i}");
                    await Task.Yield();
                }
            });

            await Task.WhenAll(Worker("A"), Worker("B"));
        });

        Assert.That(log, Is.EqualTo(new[] { "A0", "B0", "A1", "B1", "A2", "B2" }));
    }

    [TestCase(true, new[] { "inner resumed", "A" })]
    [TestCase(false, new[] { "A", "inner resumed" })]
    public void Task_yield_queues_at_the_await_while_sim_yield_queues_at_the_end_of_the_step(bool useTaskYield, string[] expected)
    {
        // Task.Yield posts while the step still runs, so it lands ahead of the task spawned later in the same step.
        // Sim.Yield (asyncio.sleep(0)) is queued when the step ends, behind that task.
        var log = new List<string>();
        Sim.Run(async () =>
        {
            async Task Inner()
            {
                if (useTaskYield)
                {
                    await Task.Yield();
                }
                else
                {
                    await Sim.Yield();
                }

                log.Add("inner resumed");
            }

            var inner = Inner();
            var a = Sim.Spawn("A", async () => { log.Add("A"); await Task.CompletedTask; });
            await Task.WhenAll(inner, a);
        });

        Assert.That(log, Is.EqualTo(expected));
    }

    [Test]
    public void Two_runs_of_the_same_task_yield_scenario_have_the_same_trace_hash() =>
        Determinism.AssertSameTraceHashTwice(async () =>
        {
            var a = Sim.Spawn("A", async () => { await Task.Yield(); await Task.Yield(); });
            var b = Sim.Spawn("B", async () => await Task.Yield());
            await Task.WhenAll(a, b);
        });
}
