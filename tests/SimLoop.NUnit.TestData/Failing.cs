namespace SimLoop.NUnit.TestData;

public class Failing
{
    // Two increments of a shared counter across an await: exploration finds the lost update; Assert.That fails in
    // many iterations and shrink attempts, yet NUnit must report exactly one failure.
    [SimTest(Seed = "0x5EED", Iterations = 200)]
    public async Task Lost_update_is_found_by_an_assertion()
    {
        var counter = 0;
        async Task Increment()
        {
            var read = counter;
            await Sim.Yield();
            counter = read + 1;
        }

        var first = Sim.Spawn("first", Increment);
        await Sim.Yield();
        var second = Sim.Spawn("second", Increment);
        await Task.WhenAll(first, second);
        Assert.That(counter, Is.EqualTo(2), "both increments must count");
    }

    [SimTest(Seed = "0x5EED", Iterations = 50)]
    public async Task Opposite_lock_order_deadlocks()
    {
        var a = new SemaphoreSlim(1);
        var b = new SemaphoreSlim(1);
        static async Task Take(SemaphoreSlim first, SemaphoreSlim second)
        {
            await first.WaitAsync();
            await Sim.Yield();
            await second.WaitAsync();
            second.Release();
            first.Release();
        }

        await Task.WhenAll(Sim.Spawn("left", () => Take(a, b)), Sim.Spawn("right", () => Take(b, a)));
    }

    [SimTest(Seed = "1", Iterations = 5)]
    [SimLoop.Interception.NotRewritten] // a real timer, as code that is not rewritten arms one
    public async Task A_real_timer_escapes_the_loop()
    {
        await Task.Delay(TimeSpan.FromMilliseconds(10));
    }

    [SimTest(Seed = "1", Iterations = 5, RejectThreadPoolWork = true)]
    public async Task Task_Run_is_rejected_in_strict_mode()
    {
#pragma warning disable RS0030 // not banned in tests; strict mode is what is tested
        await Task.Run(() => 42);
#pragma warning restore RS0030
    }

    [SimTest(Seed = "1", Iterations = 5, MaxVirtualTime = "00:01:00")]
    public async Task Polling_forever_hits_the_time_limit()
    {
        while (true)
        {
            await Sim.Delay(TimeSpan.FromSeconds(25));
        }
    }
}

public class BlockingWaits
{
    // .Result on a task that needs the loop to finish: the loop's only thread would wait forever.
    [SimTest(Seed = "1", Iterations = 5)]
    public void Result_on_an_unfinished_task_is_a_blocking_wait()
    {
        var delay = Sim.Delay(TimeSpan.FromMilliseconds(10));
        delay.Wait();
    }
}
