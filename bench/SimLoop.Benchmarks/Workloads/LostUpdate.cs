namespace SimLoop.Benchmarks.Workloads;

/// <summary>
/// Two increments of a shared counter, each reading, yielding, then writing: one update can be lost. The same
/// program as tests/SimLoop.Tests/Exploration/Bugs/LostUpdate.cs; the Coyote twin is CoyoteWorkloads.LostUpdate.
/// </summary>
public static class LostUpdate
{
    public static async Task Run()
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
        if (counter != 2)
        {
            throw new InvalidOperationException($"lost update: counter is {counter} after two increments");
        }
    }
}
