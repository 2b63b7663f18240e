namespace SimLoop.Benchmarks.Bugs;

/// <summary>
/// SCTBench CS.twostage_N_bad: writers set data1 = 1 under lock 1, then data2 = data1 + 1 under lock 2; a reader
/// that sees data1 != 0 under lock 1 and then reads data2 under lock 2 asserts data2 == data1 + 1. It fails when
/// the reader runs entirely between some writer's two stages (and no writer has finished stage two). twostage_100
/// has 99 writers and 1 reader, twostage_20 has 10 and 10 (wcventure/PERIOD evaluation/CS, run by SURW).
/// </summary>
internal static class TwoStage
{
    public static Func<Task> Program(int writers, int readers) => async () =>
    {
        var data1 = 0;
        var data2 = 0;
        var lock1 = new SemaphoreSlim(1, 1);
        var lock2 = new SemaphoreSlim(1, 1);
        var tasks = new List<Task>();
        tasks.AddRange(Shared.SpawnMany(writers, "writer", async () =>
        {
            await Shared.Lock(lock1);
            await Sim.Yield();
            data1 = 1;
            lock1.Release();
            await Shared.Lock(lock2);
            await Sim.Yield();
            data2 = data1 + 1;
            lock2.Release();
        }));
        tasks.AddRange(Shared.SpawnMany(readers, "reader", async () =>
        {
            await Shared.Lock(lock1);
            await Sim.Yield();
            if (data1 == 0)
            {
                lock1.Release();
                return;
            }

            await Sim.Yield();
            var t1 = data1;
            lock1.Release();
            await Shared.Lock(lock2);
            await Sim.Yield();
            var t2 = data2;
            lock2.Release();
            if (t2 != t1 + 1)
            {
                throw Shared.Assert($"data2 = {t2} after data1 = {t1}");
            }
        }));
        await Task.WhenAll(tasks);
    };
}
