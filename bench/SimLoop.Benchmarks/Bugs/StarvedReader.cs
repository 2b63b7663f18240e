namespace SimLoop.Benchmarks.Bugs;

/// <summary>
/// SimLoop's own depth-2 bug (tests/SimLoop.Tests/Exploration/Bugs/StarvedReader.cs): a writer of 10 steps must
/// be preempted exactly halfway and a reader must then run all its 10 steps before the writer goes on. Two tasks
/// and long sequential runs: the case where shallow PCT shines and random scheduling, or PCT with many change
/// points, struggles. No published figures.
/// </summary>
internal static class StarvedReader
{
    private const int Steps = 10;

    public static async Task Program()
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

            if (sawHalfway == Steps)
            {
                throw Shared.Assert("the reader took a half-written record for a complete one");
            }
        });
        await Task.WhenAll(writer, reader);
    }
}
