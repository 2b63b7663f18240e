namespace SimLoop.Benchmarks.Bugs;

/// <summary>
/// SCTBench CS.reorder_N_bad (from the ESBMC concurrency benchmarks): setters write a = 1 then b = -1; a checker
/// asserts (a, b) is (0, 0) or (1, -1). It fails only if a checker reads both between one setter's two writes
/// while no other setter has written b yet. Thread counts as in the versions the SURW artifact ran
/// (wcventure/PERIOD evaluation/CS): reorder_3/4/5/10 have N - 1 setters and 1 checker, reorder_20 has 10 and 10.
/// </summary>
internal static class Reorder
{
    public static Func<Task> Program(int setters, int checkers) => async () =>
    {
        var a = 0;
        var b = 0;
        var tasks = new List<Task>();
        tasks.AddRange(Shared.SpawnMany(setters, "set", async () =>
        {
            await Sim.Yield();
            a = 1;
            await Sim.Yield();
            b = -1;
        }));
        tasks.AddRange(Shared.SpawnMany(checkers, "check", async () =>
        {
            await Sim.Yield();
            var seenA = a;
            await Sim.Yield();
            var seenB = b;
            if (!((seenA == 0 && seenB == 0) || (seenA == 1 && seenB == -1)))
            {
                throw Shared.Assert($"a = {seenA}, b = {seenB}");
            }
        }));
        await Task.WhenAll(tasks);
    };
}
