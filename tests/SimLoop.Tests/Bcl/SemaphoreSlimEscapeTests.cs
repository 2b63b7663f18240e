namespace SimLoop.Tests.Bcl;

// SemaphoreSlim.WaitAsync overloads that take a token or a timeout wait in WaitUntilCountOrTimeoutAsync, which
// awaits with ConfigureAwaitOptions.SuppressThrowing (no captured context): once they wait, that async method is
// queued to the thread pool, which SimLoop runs as a step (strict mode fails there instead). Their timeout runs on
// TimeProvider.System inside the BCL; this assembly is rewritten, so the call sites below run it on Sim.Time.
// See docs/limitations.md.
public class SemaphoreSlimEscapeTests
{
    // A token that can be cancelled (which is what sends WaitAsync down the escaping path) but never is.
    private static readonly CancellationTokenSource s_neverCancelled = new();

    public enum Overload
    {
        Token,
        TimeSpanTimeout,
        MillisecondsTimeout,
        TimeSpanTimeoutAndToken,
        MillisecondsTimeoutAndToken,
    }

    [TestCase(Overload.Token)]
    [TestCase(Overload.TimeSpanTimeout)]
    [TestCase(Overload.MillisecondsTimeout)]
    [TestCase(Overload.TimeSpanTimeoutAndToken)]
    [TestCase(Overload.MillisecondsTimeoutAndToken)]
    public void Wait_async_with_a_token_or_a_timeout_completes_synchronously_when_a_slot_is_free(Overload overload)
    {
        var result = Sim.Run(async () =>
        {
            using var semaphore = new SemaphoreSlim(1);
            var entering = Enter(semaphore, overload, TimeSpan.FromSeconds(5));
            Assert.That(entering.IsCompletedSuccessfully, Is.True);
            await entering;
        });

        Assert.That(result.Steps, Is.EqualTo(1));
    }

    [Test]
    public void Wait_async_with_a_zero_timeout_on_a_taken_semaphore_returns_false_synchronously()
    {
        var result = Sim.Run(async () =>
        {
            using var semaphore = new SemaphoreSlim(0);
            return await semaphore.WaitAsync(TimeSpan.Zero);
        });

        Assert.That(result.Value, Is.False);
        Assert.That(result.Steps, Is.EqualTo(1));
    }

    [TestCase(Overload.Token)]
    [TestCase(Overload.TimeSpanTimeout)]
    [TestCase(Overload.MillisecondsTimeout)]
    [TestCase(Overload.TimeSpanTimeoutAndToken)]
    [TestCase(Overload.MillisecondsTimeoutAndToken)]
    public void Strict_mode_wait_async_with_a_token_or_a_timeout_that_has_to_wait_fails_the_run_even_when_released_in_time(Overload overload) =>
        Escapes.AssertRunFailsAtItsStep(async () =>
        {
            using var semaphore = new SemaphoreSlim(0);
            var waiter = Sim.Spawn("waiter", async () => await Enter(semaphore, overload, TimeSpan.FromSeconds(30)));
            await Sim.Delay(TimeSpan.FromSeconds(1));
            semaphore.Release();
            await waiter;
        },
        // Release completes the waiter, a task that runs continuations asynchronously: its continuation (WaitAsync's
        // own, or for a timeout the rewritten call's WhenAny on virtual time) is queued to the pool.
        Escapes.HandedOff("main", "00:00:01.000", step: 2, $"SemaphoreSlim.Release() {Escapes.ContinuationQueued}"));

    [TestCase(Overload.TimeSpanTimeout)]
    [TestCase(Overload.MillisecondsTimeout)]
    [TestCase(Overload.TimeSpanTimeoutAndToken)]
    [TestCase(Overload.MillisecondsTimeoutAndToken)]
    public void Wait_async_with_a_timeout_enters_at_the_release_instant_or_gives_up_at_exactly_the_timeout(Overload overload)
    {
        // This assembly is rewritten: the timeout runs on virtual time (SimLoop.Interception.Semaphores).
        var result = Sim.Run(async () =>
        {
            using var semaphore = new SemaphoreSlim(0);
            var released = Sim.Spawn("released", async () => (await EnterWithTimeout(semaphore, overload, TimeSpan.FromSeconds(30)), Sim.Elapsed));
            await Sim.Delay(TimeSpan.FromSeconds(1));
            semaphore.Release();
            var entered = await released;
            var abandoned = Sim.Spawn("abandoned", async () => (await EnterWithTimeout(semaphore, overload, TimeSpan.FromSeconds(2)), Sim.Elapsed));
            var gaveUp = await abandoned;

            // The abandoned wait is still queued: a slot released later is given back, so it is free again.
            semaphore.Release();
            await Sim.Delay(TimeSpan.FromMilliseconds(1)); // everything ready at 3 s runs first
            return (entered, gaveUp, semaphore.CurrentCount);
        });

        Assert.That(result.Value, Is.EqualTo(((true, TimeSpan.FromSeconds(1)), (false, TimeSpan.FromSeconds(3)), 1)));
    }

    [Test]
    public void Strict_mode_wait_async_with_a_token_cancelled_on_sim_time_fails_the_run() =>
        Escapes.AssertRunFailsAtItsStep(async () =>
        {
            // The cancellation itself happens on the loop, but the BCL then forces a yield to the thread pool.
            using var semaphore = new SemaphoreSlim(0);
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2), Sim.Time);
            try
            {
                await semaphore.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
            }
        },
        $"SimLoop: task 'main' handed work to a real thread at virtual time 00:00:02.000 (in a timer callback, after step 0): " +
        $"a timer of the simulation, firing, {Escapes.ContinuationQueued} Called from:");

    [Test]
    public void Try_enter_on_the_loop_enters_at_the_release_instant_before_the_timeout()
    {
        var result = Sim.Run(async () =>
        {
            using var semaphore = new SemaphoreSlim(0);
            var releaser = Sim.Spawn("releaser", async () =>
            {
                await Sim.Delay(TimeSpan.FromSeconds(1));
                semaphore.Release();
            });
            var entered = await TryEnterOnLoop(semaphore, TimeSpan.FromSeconds(5));
            await releaser;
            return (Entered: entered, At: Sim.Elapsed, Free: semaphore.CurrentCount);
        });

        Assert.That(result.Value, Is.EqualTo((true, TimeSpan.FromSeconds(1), 0)));
    }

    [Test]
    public void Try_enter_on_the_loop_times_out_at_the_exact_instant_and_hands_back_a_slot_granted_later()
    {
        var log = new List<string>();
        Sim.Run(async () =>
        {
            using var semaphore = new SemaphoreSlim(0);
            var entered = await TryEnterOnLoop(semaphore, TimeSpan.FromSeconds(2));
            log.Add($"entered {entered} at {Sim.Elapsed.TotalSeconds}");

            // The abandoned wait is still queued: the slot released at 3 s goes to it and straight back.
            await Sim.Delay(TimeSpan.FromSeconds(1));
            semaphore.Release();
            await Sim.Yield();
            await Sim.Yield();
            log.Add($"free slots {semaphore.CurrentCount} at {Sim.Elapsed.TotalSeconds}");
        });

        Assert.That(log, Is.EqualTo(new[] { "entered False at 2", "free slots 1 at 3" }));
    }

    [Test]
    public void Try_enter_on_the_loop_is_cancelled_at_the_exact_instant_its_token_is()
    {
        var result = Sim.Run(async () =>
        {
            using var semaphore = new SemaphoreSlim(0);
            using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(1500), Sim.Time);
            try
            {
                await TryEnterOnLoop(semaphore, Timeout.InfiniteTimeSpan, cts.Token);
                return "entered";
            }
            catch (OperationCanceledException)
            {
                return $"cancelled at {Sim.Elapsed.TotalSeconds}";
            }
        });

        Assert.That(result.Value, Is.EqualTo("cancelled at 1.5"));
    }

    private static Task<bool> EnterWithTimeout(SemaphoreSlim semaphore, Overload overload, TimeSpan timeout) => overload switch
    {
        Overload.TimeSpanTimeout => semaphore.WaitAsync(timeout),
        Overload.MillisecondsTimeout => semaphore.WaitAsync((int)timeout.TotalMilliseconds),
        Overload.TimeSpanTimeoutAndToken => semaphore.WaitAsync(timeout, s_neverCancelled.Token),
        _ => semaphore.WaitAsync((int)timeout.TotalMilliseconds, s_neverCancelled.Token),
    };

    private static Task Enter(SemaphoreSlim semaphore, Overload overload, TimeSpan timeout) => overload switch
    {
        Overload.Token => semaphore.WaitAsync(s_neverCancelled.Token),
        Overload.TimeSpanTimeout => semaphore.WaitAsync(timeout),
        Overload.MillisecondsTimeout => semaphore.WaitAsync((int)timeout.TotalMilliseconds),
        Overload.TimeSpanTimeoutAndToken => semaphore.WaitAsync(timeout, s_neverCancelled.Token),
        _ => semaphore.WaitAsync((int)timeout.TotalMilliseconds, s_neverCancelled.Token),
    };

    // The replacement documented in docs/limitations.md: WaitAsync() (which stays on the loop) behind an async
    // method (whose task, unlike the semaphore's own, does not run continuations asynchronously, so WaitAsync's
    // timeout bookkeeping runs on the loop), with the timeout on virtual time.
    private static async Task<bool> TryEnterOnLoop(SemaphoreSlim semaphore, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var entering = EnterOnLoop(semaphore);
        try
        {
            await entering.WaitAsync(timeout, Sim.Time, cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException)
        {
            // Unlike WaitAsync(timeout), the wait stays queued in the semaphore: give the slot back once it is granted.
            _ = ReleaseWhenEntered(semaphore, entering);
            if (exception is OperationCanceledException)
            {
                throw;
            }

            return false;
        }
    }

    private static async Task EnterOnLoop(SemaphoreSlim semaphore) => await semaphore.WaitAsync();

    private static async Task ReleaseWhenEntered(SemaphoreSlim semaphore, Task entering)
    {
        await entering;
        semaphore.Release();
    }
}
