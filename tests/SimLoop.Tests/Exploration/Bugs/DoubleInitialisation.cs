namespace SimLoop.Tests.Exploration.Bugs;

/// <summary>Lazy initialisation with an await between the null check and the assignment: two callers create two instances.</summary>
internal static class DoubleInitialisation
{
    public static Func<Task> Scenario(bool fixedVersion) => async () =>
    {
        object? instance = null;
        Task<object>? pending = null;
        var created = 0;

        async Task<object> Create()
        {
            created++;
            await Sim.Yield(); // connect
            return new object();
        }

        async Task<object> Get()
        {
            if (fixedVersion)
            {
                // The fix: share the creation task, not only its result.
                return instance ??= await (pending ??= Create());
            }

            if (instance is null)
            {
                var made = await Create();
                instance = made;
            }

            return instance;
        }

        // The second caller comes two steps later: in asyncio's order the first has finished by then.
        var first = Sim.Spawn("first", Get);
        await Sim.Yield();
        await Sim.Yield();
        var second = Sim.Spawn("second", Get);
        await Task.WhenAll(first, second);
        if (created != 1)
        {
            throw new InvalidOperationException($"double initialisation: {created} instances created");
        }
    };
}
