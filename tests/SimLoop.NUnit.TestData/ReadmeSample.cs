namespace SimLoop.NUnit.TestData;

// README.md's first example, as written there (SimLoop.Tests' DocSampleTests checks the README shows this code);
// it fails the way the README says.
public class AccountTests
{
    [SimTest(Iterations = 200, Seed = "0x2A")]
    public async Task Withdrawals_never_overdraw()
    {
        var account = new Account(balance: 100);
        await Task.WhenAll(
            Sim.Spawn("alice", () => account.Withdraw(80)),
            Sim.Spawn("bob", () => account.Withdraw(80)));
        Assert.That(account.Balance, Is.GreaterThanOrEqualTo(0));
    }
}

// The account the README leaves out: check, then act, with an await in between.
public class Account(int balance)
{
    public int Balance { get; private set; } = balance;

    public async Task Withdraw(int amount)
    {
        if (Balance >= amount)
        {
            await Sim.Delay(TimeSpan.FromMilliseconds(5)); // the call to the fraud service
            Balance -= amount;
        }
    }
}
