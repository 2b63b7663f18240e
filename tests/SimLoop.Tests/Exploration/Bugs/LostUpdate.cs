namespace SimLoop.Tests.Exploration.Bugs;

/// <summary>Two increments of a shared counter, each reading, awaiting, then writing: one update can be lost.</summary>
internal static class LostUpdate
{
    public static Func<Task> Scenario(bool fixedVersion) => async () =>
    {
        var counter = 0;
        var gate = new SemaphoreSlim(1);
        async Task Increment()
        {
            if (fixedVersion)
            {
                await gate.WaitAsync();
            }

            var read = counter;
            await Sim.Yield();
            counter = read + 1;
            if (fixedVersion)
            {
                gate.Release();
            }
        }

        // The second increment starts one step later, so asyncio's order happens to serialise them.
        var first = Sim.Spawn("first", Increment);
        await Sim.Yield();
        var second = Sim.Spawn("second", Increment);
        await Task.WhenAll(first, second);
        if (counter != 2)
        {
            throw new InvalidOperationException($"lost update: counter is {counter} after two increments");
        }
    };
}
