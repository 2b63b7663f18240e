namespace SimLoop.Benchmarks.CoyoteWorkloads;

/// <summary>Two increments of a shared counter, each reading, yielding, then writing: one update can be lost.</summary>
public static class LostUpdate
{
    public static async Task Run()
    {
        var counter = 0;
        async Task Increment()
        {
            var read = counter;
            await Task.Yield();
            counter = read + 1;
        }

        var first = Task.Run(Increment);
        await Task.Yield();
        var second = Task.Run(Increment);
        await Task.WhenAll(new[] { first, second });
        if (counter != 2)
        {
            throw new InvalidOperationException($"lost update: counter is {counter} after two increments");
        }
    }
}
