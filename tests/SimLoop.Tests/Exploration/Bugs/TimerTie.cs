namespace SimLoop.Tests.Exploration.Bugs;

/// <summary>Two timers due at the same instant: the reader assumes the warmer's timer (created first) fires first.</summary>
internal static class TimerTie
{
    public static Func<Task> Scenario(bool fixedVersion) => async () =>
    {
        string? cache = null;
        var warmed = new TaskCompletionSource();
        var warmer = Sim.Spawn("warmer", async () =>
        {
            await Sim.Delay(TimeSpan.FromMilliseconds(100));
            cache = "warm";
            warmed.SetResult();
        });
        var reader = Sim.Spawn("reader", async () =>
        {
            await Sim.Delay(TimeSpan.FromMilliseconds(100));
            if (fixedVersion)
            {
                await warmed.Task;
            }

            if (cache is null)
            {
                throw new InvalidOperationException("read a cold cache: the reader's timer fired before the warmer's");
            }
        });
        await Task.WhenAll(warmer, reader);
    };
}
