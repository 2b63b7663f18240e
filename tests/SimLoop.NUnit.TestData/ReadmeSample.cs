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

public class HeartbeatTests
{
    // A bound every explored schedule must keep: no timer fires more than 100 ms after its due time.
    [SimTest(Iterations = 100, Seed = "0x2A", MaxLoopLag = "00:00:00.100")]
    public async Task The_heartbeat_stays_on_time_while_a_report_renders()
    {
        var heartbeat = Sim.Spawn("heartbeat", async () =>
        {
            for (var beat = 0; beat < 5; beat++)
            {
                await Sim.Delay(TimeSpan.FromMilliseconds(100));
            }
        });

        // 300 ms of rendering on a worker thread (asyncio's to_thread): the loop stays free. The same work as
        // Sim.Cpu(TimeSpan.FromMilliseconds(300)) would hold the loop, and exploration would report the late beat.
        var report = Sim.Spawn("report", () => Sim.ToThread(() => { }, TimeSpan.FromMilliseconds(300)));
        await Task.WhenAll(heartbeat, report);
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
