namespace SimLoop.Tests.Exploration.Bugs;

/// <summary>Check-then-act across an await: two withdrawals both see enough money and both take it.</summary>
internal static class Overdraft
{
    public static Func<Task> Scenario(bool fixedVersion) => async () =>
    {
        var balance = 100;
        var gate = new SemaphoreSlim(1);
        async Task Withdraw(int amount)
        {
            if (fixedVersion)
            {
                await gate.WaitAsync();
            }

            try
            {
                if (balance >= amount)
                {
                    await Sim.Yield(); // the audit call
                    balance -= amount;
                }
            }
            finally
            {
                if (fixedVersion)
                {
                    gate.Release();
                }
            }
        }

        var first = Sim.Spawn("withdraw-1", () => Withdraw(80));
        await Sim.Yield();
        var second = Sim.Spawn("withdraw-2", () => Withdraw(80));
        await Task.WhenAll(first, second);
        if (balance < 0)
        {
            throw new InvalidOperationException($"overdraft: balance is {balance}");
        }
    };
}
