namespace SimLoop.Benchmarks.Bugs;

/// <summary>
/// SCTBench CS.wronglock_bad / wronglock_3_bad: one task increments dataValue under dataLock and asserts the
/// increment is what it reads back; 7 (wronglock) or 3 (wronglock_3) others increment it under a different lock.
/// </summary>
internal static class WrongLock
{
    public static Func<Task> Program(int others) => async () =>
    {
        var dataValue = 0;
        var dataLock = new SemaphoreSlim(1, 1);
        var thisLock = new SemaphoreSlim(1, 1);
        var tasks = new List<Task>
        {
            Sim.Spawn("checked", async () =>
            {
                await Shared.Lock(dataLock);
                await Sim.Yield();
                var x = dataValue;
                await Sim.Yield();
                dataValue++;
                await Sim.Yield();
                if (dataValue != x + 1)
                {
                    throw Shared.Assert($"dataValue = {dataValue} after incrementing {x}");
                }

                dataLock.Release();
            }),
        };
        tasks.AddRange(Shared.SpawnMany(others, "other", async () =>
        {
            await Shared.Lock(thisLock);
            await Sim.Yield();
            dataValue++;
            thisLock.Release();
        }));
        await Task.WhenAll(tasks);
    };
}
