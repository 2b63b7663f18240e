namespace SimLoop.Tests.Bcl;

// CancellationTokenSource.CancelAsync runs the token's callbacks in Task.Factory.StartNew(..., TaskScheduler.Default):
// pool work, which SimLoop runs as a step (strict mode fails there). Cancel() runs them in the calling step. See docs/limitations.md.
public class CancelAsyncTests
{
    [Test]
    public void Cancel_async_of_a_token_nobody_registered_on_completes_synchronously()
    {
        var result = Sim.Run(async () =>
        {
            using var cts = new CancellationTokenSource();
            var cancelling = cts.CancelAsync();
            Assert.That(cancelling.IsCompletedSuccessfully, Is.True);
            await cancelling;
            return cts.IsCancellationRequested;
        });

        Assert.That(result.Value, Is.True);
        Assert.That(result.Steps, Is.EqualTo(1));
    }

    [Test]
    public void Strict_mode_cancel_async_that_wakes_a_waiter_fails_the_run() =>
        Escapes.AssertRunFailsAtItsStep(async () =>
        {
            using var cts = new CancellationTokenSource();
            var cancelled = new TaskCompletionSource();
            using var registration = cts.Token.Register(() => cancelled.TrySetCanceled(cts.Token));
            var waiter = Sim.Spawn("waiter", async () =>
            {
                try
                {
                    await cancelled.Task;
                }
                catch (OperationCanceledException)
                {
                }
            });
            await Sim.Delay(TimeSpan.FromSeconds(1));
            await cts.CancelAsync();
            await waiter;
        },
        Escapes.HandedOff("main", "00:00:01.000", step: 2, "CancellationTokenSource.CancelAsync() runs the token's callbacks on the thread pool" + Escapes.Forbidden));
}
