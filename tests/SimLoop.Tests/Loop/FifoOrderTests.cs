namespace SimLoop.Tests.Loop;

public class FifoOrderTests
{
    // The same workload in real asyncio: docs/asyncio/fifo_order.py prints exactly this order.
    [Test]
    public void Fifo_order_of_a_mixed_yield_and_timer_workload_equals_asyncio()
    {
        var log = new List<string>();
        Sim.Run(async () =>
        {
            await Task.WhenAll(
                Sim.Spawn("A", async () =>
                {
                    log.Add("A1"); await Sim.Yield();
                    log.Add("A2"); await Sim.Delay(TimeSpan.FromMilliseconds(20));
                    log.Add("A3");
                }),
                Sim.Spawn("B", async () =>
                {
                    log.Add("B1"); await Sim.Delay(TimeSpan.FromMilliseconds(10));
                    log.Add("B2"); await Sim.Yield();
                    log.Add("B3");
                }),
                Sim.Spawn("C", async () =>
                {
                    log.Add("C1"); await Sim.Delay(TimeSpan.FromMilliseconds(5));
                    log.Add("C2"); await Sim.Delay(TimeSpan.FromMilliseconds(7));
                    log.Add("C3");
                }),
                Sim.Spawn("D", async () =>
                {
                    log.Add("D1"); await Sim.Yield();
                    log.Add("D2"); await Sim.Yield();
                    log.Add("D3");
                }));
        });

        Assert.That(string.Join(" ", log), Is.EqualTo("A1 B1 C1 D1 A2 D2 D3 C2 B2 B3 C3 A3"));
    }

    [Test]
    public void Timers_due_at_the_same_instant_fire_in_creation_order()
    {
        var log = new List<string>();
        Sim.Run(async () =>
        {
            // Created in the order C, A, B, all due at 10 ms (B's from a later instant).
            var c = Sim.Spawn("C", async () => { await Sim.Delay(TimeSpan.FromMilliseconds(10)); log.Add("C"); });
            var a = Sim.Spawn("A", async () => { await Sim.Delay(TimeSpan.FromMilliseconds(10)); log.Add("A"); });
            var b = Sim.Spawn("B", async () =>
            {
                await Sim.Delay(TimeSpan.FromMilliseconds(4));
                await Sim.Delay(TimeSpan.FromMilliseconds(6));
                log.Add("B");
            });
            await Task.WhenAll(a, b, c);
        });

        Assert.That(log, Is.EqualTo(new[] { "C", "A", "B" }));
    }

    [Test]
    public void A_yield_queues_the_task_behind_everything_already_ready()
    {
        var log = new List<string>();
        Sim.Run(async () =>
        {
            var first = Sim.Spawn("first", async () =>
            {
                log.Add("first 1");
                await Sim.Yield();
                log.Add("first 2");
            });
            var second = Sim.Spawn("second", () => { log.Add("second"); return Task.CompletedTask; });
            var third = Sim.Spawn("third", () => { log.Add("third"); return Task.CompletedTask; });
            await Task.WhenAll(first, second, third);
        });

        Assert.That(log, Is.EqualTo(new[] { "first 1", "second", "third", "first 2" }));
    }

    [Test]
    public void Delay_of_zero_yields_exactly_like_Yield()
    {
        static List<string> Run(Func<Task> yieldOnce)
        {
            var log = new List<string>();
            Sim.Run(async () =>
            {
                await Task.WhenAll(
                    Sim.Spawn("a", async () => { log.Add("a1"); await yieldOnce(); log.Add("a2"); }),
                    Sim.Spawn("b", async () => { log.Add("b1"); await yieldOnce(); log.Add("b2"); }));
            });
            return log;
        }

        var withYield = Run(async () => await Sim.Yield());
        var withDelayZero = Run(() => Sim.Delay(TimeSpan.Zero));

        Assert.That(withDelayZero, Is.EqualTo(withYield));
        Assert.That(withYield, Is.EqualTo(new[] { "a1", "b1", "a2", "b2" }));
    }

    [Test]
    public void A_yield_is_queued_before_a_timer_that_fell_due_during_the_step()
    {
        // The job yields inside a CPU section's step; the heartbeat fell due during the section. The job's
        // continuation is queued at the end of its step, before due timers are moved: asyncio does the same.
        var log = new List<string>();
        Sim.Run(async () =>
        {
            var heartbeat = Sim.Spawn("heartbeat", async () => { await Sim.Delay(TimeSpan.FromMilliseconds(10)); log.Add("beat"); });
            var job = Sim.Spawn("job", async () =>
            {
                Sim.Cpu(TimeSpan.FromMilliseconds(30));
                await Sim.Yield();
                log.Add("job continues");
            });
            await Task.WhenAll(heartbeat, job);
        });

        Assert.That(log, Is.EqualTo(new[] { "job continues", "beat" }));
    }

    // The default model differs from asyncio here (docs/asyncio/batching.py prints "X1 Y1 X2 Y2 T"): it moves due
    // timers before every step and wakes T in one hop, so T is not held back by Y2. LoopModel.Asyncio prints
    // asyncio's order (AsyncioDifferenceExamples).
    [Test]
    public void Due_timers_are_moved_before_every_step_not_once_per_batch()
    {
        Assert.That(AsyncioModel.AsyncioDifferenceExamples.BatchingPy(new SimOptions()), Is.EqualTo("X1 Y1 X2 T Y2"));
    }

    [Test]
    public void A_large_group_of_timers_due_together_fires_in_creation_order()
    {
        var woke = new List<int>();
        var result = Sim.Run(async () =>
        {
            await Task.WhenAll(Enumerable.Range(0, 20_000).Select(i => Sim.Spawn("sleeper", async () =>
            {
                await Sim.Delay(TimeSpan.FromSeconds(1));
                woke.Add(i);
            })));
        });

        Assert.That(woke, Is.EqualTo(Enumerable.Range(0, 20_000)));
        Assert.That(result.Fairness.Tasks[^1].Name, Is.EqualTo("sleeper#20000"));
    }
}
