namespace SimLoop.Benchmarks.Bugs;

/// <summary>
/// The conventions of the ports: every access to shared state is preceded by a yield (a scheduling point, as the
/// C originals are instrumented by the tools that test them), a pthread mutex is a SemaphoreSlim(1, 1) whose
/// acquisition is preceded by a yield too, and an assert(0) is an exception.
/// </summary>
internal static class Shared
{
    /// <summary>Yield, then take the lock: acquiring it is an access to shared state.</summary>
    public static async Task Lock(SemaphoreSlim mutex)
    {
        await Sim.Yield();
        await mutex.WaitAsync();
    }

    public static Exception Assert(string what) => new InvalidOperationException("assertion failed: " + what);

    /// <summary>Spawns <paramref name="count"/> tasks named prefix-0, prefix-1, ... running <paramref name="body"/>.</summary>
    public static IEnumerable<Task> SpawnMany(int count, string prefix, Func<Task> body)
    {
        var tasks = new Task[count];
        for (var i = 0; i < count; i++)
        {
            tasks[i] = Sim.Spawn(prefix + "-" + i, body);
        }

        return tasks;
    }
}
