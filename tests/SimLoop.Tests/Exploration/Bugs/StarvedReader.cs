namespace SimLoop.Tests.Exploration.Bugs;

/// <summary>
/// A bug of depth 2 in PCT's terms: it needs the writer preempted at one specific step (halfway) and the reader
/// then to run all its steps before the writer runs again. PCT finds it with one well-placed priority change;
/// uniform random scheduling must win many coin flips in a row.
/// </summary>
internal static class StarvedReader
{
    public const int Steps = 10;

    public static Func<Task> Scenario(bool fixedVersion) => async () =>
    {
        var progress = 0;
        var writer = Sim.Spawn("writer", async () =>
        {
            for (var i = 1; i <= Steps; i++)
            {
                progress = i;
                await Sim.Yield();
            }
        });
        var reader = Sim.Spawn("reader", async () =>
        {
            var sawHalfway = 0;
            for (var j = 0; j < Steps; j++)
            {
                if (progress == Steps / 2)
                {
                    sawHalfway++;
                }

                await Sim.Yield();
            }

            // The bug: a reader that sees a half-written record at every one of its reads reports it as complete.
            if (!fixedVersion && sawHalfway == Steps)
            {
                throw new InvalidOperationException("the reader took a half-written record for a complete one");
            }
        });
        await Task.WhenAll(writer, reader);
    };
}
