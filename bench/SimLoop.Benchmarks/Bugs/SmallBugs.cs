namespace SimLoop.Benchmarks.Bugs;

/// <summary>The small SCTBench CS programs (ESBMC's concurrency benchmarks), one method each.</summary>
internal static class SmallBugs
{
    /// <summary>CS.account_bad: the checker asserts a wrong formula once deposit and withdrawal both ran (any order).</summary>
    public static async Task Account()
    {
        var m = new SemaphoreSlim(1, 1);
        int x = 1, y = 2, z = 4, balance = x;
        bool depositDone = false, withdrawDone = false;
        var check = Sim.Spawn("check", async () =>
        {
            await Shared.Lock(m);
            await Sim.Yield();
            if (depositDone && withdrawDone)
            {
                await Sim.Yield();
                if (balance != (x - y) - z)
                {
                    throw Shared.Assert($"balance = {balance}");
                }
            }

            m.Release();
        });
        var deposit = Sim.Spawn("deposit", async () =>
        {
            await Shared.Lock(m);
            await Sim.Yield();
            balance += y;
            await Sim.Yield();
            depositDone = true;
            m.Release();
        });
        var withdraw = Sim.Spawn("withdraw", async () =>
        {
            await Shared.Lock(m);
            await Sim.Yield();
            balance -= z;
            await Sim.Yield();
            withdrawDone = true;
            m.Release();
        });
        await Task.WhenAll(withdraw, deposit, check);
    }

    /// <summary>CS.carter01_bad: two reader-class counters guard lock l; one task can take l and the other release it, a deadlock.</summary>
    public static async Task Carter()
    {
        var m = new SemaphoreSlim(1, 1);
        var l = new SemaphoreSlim(1, 1);
        int a = 0, b = 0;
        async Task Class(Func<int> read, Action<int> write)
        {
            await Shared.Lock(m);
            await Sim.Yield();
            write(read() + 1);
            await Sim.Yield();
            if (read() == 1)
            {
                await Shared.Lock(l);
            }

            m.Release();
            await Shared.Lock(m);
            await Sim.Yield();
            write(read() - 1);
            await Sim.Yield();
            if (read() == 0)
            {
                l.Release();
            }

            m.Release();
        }

        var a1 = Sim.Spawn("a1", () => Class(() => a, v => a = v));
        var b1 = Sim.Spawn("b1", () => Class(() => b, v => b = v));
        var a2 = Sim.Spawn("a2", () => Task.CompletedTask);
        var b2 = Sim.Spawn("b2", () => Task.CompletedTask);
        await Task.WhenAll(a1, b1, a2, b2);
    }

    /// <summary>CS.deadlock01_bad: two locks taken in opposite orders.</summary>
    public static async Task Deadlock()
    {
        var a = new SemaphoreSlim(1, 1);
        var b = new SemaphoreSlim(1, 1);
        var counter = 1;
        async Task Both(SemaphoreSlim first, SemaphoreSlim second, int delta)
        {
            await Shared.Lock(first);
            await Shared.Lock(second);
            await Sim.Yield();
            counter += delta;
            second.Release();
            first.Release();
        }

        await Task.WhenAll(Sim.Spawn("t1", () => Both(a, b, 1)), Sim.Spawn("t2", () => Both(b, a, -1)));
    }

    /// <summary>CS.lazy01_bad: the checker, spawned first, fails if both adders (data += 1, data += 2) ran before it.</summary>
    public static async Task Lazy()
    {
        var mutex = new SemaphoreSlim(1, 1);
        var data = 0;
        async Task Add(int amount)
        {
            await Shared.Lock(mutex);
            await Sim.Yield();
            data += amount;
            mutex.Release();
        }

        var t3 = Sim.Spawn("t3", async () =>
        {
            await Shared.Lock(mutex);
            await Sim.Yield();
            if (data >= 3)
            {
                throw Shared.Assert($"data = {data}");
            }

            mutex.Release();
        });
        var t2 = Sim.Spawn("t2", () => Add(2));
        var t1 = Sim.Spawn("t1", () => Add(1));
        await Task.WhenAll(t1, t2, t3);
    }

    /// <summary>CS.token_ring_bad: three atomic steps pass a token around; the checker asserts all equal once all three ran.</summary>
    public static async Task TokenRing()
    {
        int x1 = 1, x2 = 2, x3 = 1;
        bool flag1 = false, flag2 = false, flag3 = false;

        // Each body is one atomic block in the original (__ESBMC_atomic_begin/end): one yield before it, none inside.
        var t1 = Sim.Spawn("t1", async () => { await Sim.Yield(); x1 = (x3 + 1) % 4; flag1 = true; });
        var t2 = Sim.Spawn("t2", async () => { await Sim.Yield(); x2 = x1; flag2 = true; });
        var t3 = Sim.Spawn("t3", async () => { await Sim.Yield(); x3 = x2; flag3 = true; });
        var t4 = Sim.Spawn("t4", async () =>
        {
            await Sim.Yield();
            if (flag1 && flag2 && flag3 && !(x1 == x2 && x2 == x3))
            {
                throw Shared.Assert($"x1 = {x1}, x2 = {x2}, x3 = {x3}");
            }
        });
        await Task.WhenAll(t4, t3, t2, t1);
    }

    /// <summary>CS.stack_bad: a pusher and a popper of 10 items each; the popper pops once the flag is set, and underflows.</summary>
    public static async Task Stack()
    {
        const int Size = 10;
        var m = new SemaphoreSlim(1, 1);
        var top = 0;
        var flag = false;
        var pusher = Sim.Spawn("push", async () =>
        {
            for (var i = 0; i < Size; i++)
            {
                await Shared.Lock(m);
                await Sim.Yield();
                if (top == Size)
                {
                    throw Shared.Assert("stack overflow");
                }

                await Sim.Yield();
                top++;
                await Sim.Yield();
                flag = true;
                m.Release();
            }
        });
        var popper = Sim.Spawn("pop", async () =>
        {
            for (var i = 0; i < Size; i++)
            {
                await Shared.Lock(m);
                await Sim.Yield();
                if (flag)
                {
                    await Sim.Yield();
                    if (top == 0)
                    {
                        throw Shared.Assert("stack underflow");
                    }

                    await Sim.Yield();
                    top--;
                }

                m.Release();
            }
        });
        await Task.WhenAll(pusher, popper);
    }
}
