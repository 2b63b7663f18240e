namespace SimLoop.Tests.Exploration.Bugs;

/// <summary>Two SemaphoreSlim taken in opposite orders: a deadlock when each task holds its first one.</summary>
internal static class OppositeLockOrder
{
    public static Func<Task> Scenario(bool fixedVersion) => async () =>
    {
        var accounts = new SemaphoreSlim(1);
        var ledger = new SemaphoreSlim(1);
        static async Task Transfer(SemaphoreSlim first, SemaphoreSlim second)
        {
            await first.WaitAsync();
            await Sim.Yield();
            await second.WaitAsync();
            second.Release();
            first.Release();
        }

        var a = Sim.Spawn("transfer", () => Transfer(accounts, ledger));
        await Sim.Yield();
        var b = Sim.Spawn("audit", () => fixedVersion ? Transfer(accounts, ledger) : Transfer(ledger, accounts));
        await Task.WhenAll(a, b);
    };
}
