namespace SimLoop.Benchmarks.CoyoteWorkloads;

/// <summary>
/// The small test written for Coyote: 5 tasks that each add to a shared total 15 times with a yield after each
/// addition, then a check of the total. Task.Run stands for Sim.Spawn, Task.Yield for Sim.Yield. Coyote
/// serialises the tasks, so the unsynchronised addition is atomic between two scheduling points, as on SimLoop's loop.
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
            workers[t] = Task.Run(async () =>
            {
                for (var r = 0; r < Rounds; r++)
                {
                    total++;
                    await Task.Yield();
                }
            });
        }

        // The array overload: on .NET 10, Task.WhenAll(a, b) binds to the ReadOnlySpan overload, which Coyote does not control.
        await Task.WhenAll(workers);
        if (total != Tasks * Rounds)
        {
            throw new InvalidOperationException($"total is {total}, expected {Tasks * Rounds}");
        }
    }
}
