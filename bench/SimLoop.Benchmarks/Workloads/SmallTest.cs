namespace SimLoop.Benchmarks.Workloads;

/// <summary>
/// The small test of the end-to-end and Coyote benchmarks: main spawns 5 tasks that each add to a shared total
/// 15 times with a yield after each addition, then checks the total. 82 steps under every schedule (1 for main's
/// start, 16 per task, 1 for main after the join); it never fails. The Coyote twin is CoyoteWorkloads.SmallTest.
/// </summary>
public static class SmallTest
{
    public const int Tasks = 5;
    public const int Rounds = 15;

    public static async Task Run()
    {
        var total = 0;
        var workers = new Task[Tasks];
        for (var t = 0; t < Tasks; t++)
        {
            workers[t] = Sim.Spawn(Names[t], async () =>
            {
                for (var r = 0; r < Rounds; r++)
                {
                    total++;
                    await Sim.Yield();
                }
            });
        }

        await Task.WhenAll(workers);
        if (total != Tasks * Rounds)
        {
            throw new InvalidOperationException($"total is {total}, expected {Tasks * Rounds}");
        }
    }

    private static readonly string[] Names = ["worker-0", "worker-1", "worker-2", "worker-3", "worker-4"];
}
