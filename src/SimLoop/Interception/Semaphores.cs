using System.ComponentModel;

namespace SimLoop.Interception;

/// <summary>
/// What <see cref="SemaphoreSlim.WaitAsync(TimeSpan)"/> and the other overloads with a timeout become in rewritten
/// assemblies. The originals run the timeout on the machine's clock inside the shared framework; inside a simulation
/// the timeout runs on <see cref="Sim.Time"/>: the wait is queued exactly as the original queues it, and a slot
/// granted to a wait that already timed out is given back. Anywhere else, the original call. Not meant to be called
/// directly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Semaphores
{
    /// <summary>Replaces <see cref="SemaphoreSlim.WaitAsync(TimeSpan)"/>.</summary>
    public static Task<bool> WaitAsync(SemaphoreSlim semaphore, TimeSpan timeout) => WaitAsync(semaphore, timeout, CancellationToken.None);

    /// <summary>Replaces <see cref="SemaphoreSlim.WaitAsync(int)"/>.</summary>
    public static Task<bool> WaitAsync(SemaphoreSlim semaphore, int millisecondsTimeout) =>
        WaitAsync(semaphore, Waits.Milliseconds(millisecondsTimeout), CancellationToken.None);

    /// <summary>Replaces <see cref="SemaphoreSlim.WaitAsync(int, CancellationToken)"/>.</summary>
    public static Task<bool> WaitAsync(SemaphoreSlim semaphore, int millisecondsTimeout, CancellationToken cancellationToken) =>
        WaitAsync(semaphore, Waits.Milliseconds(millisecondsTimeout), cancellationToken);

    /// <summary>Replaces <see cref="SemaphoreSlim.WaitAsync(TimeSpan, CancellationToken)"/>.</summary>
    public static Task<bool> WaitAsync(SemaphoreSlim semaphore, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(semaphore);
        if (EventLoop.CurrentOrNull is not { } loop || timeout == Timeout.InfiniteTimeSpan || timeout == TimeSpan.Zero)
        {
            // No timer to move onto virtual time: an infinite or zero timeout arms none.
            return semaphore.WaitAsync(timeout, cancellationToken);
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(timeout, TimeSpan.Zero);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<bool>(cancellationToken);
        }

        // A free slot is taken at once, as the original does (Wait(0) never blocks).
        return semaphore.Wait(0, CancellationToken.None) ? Task.FromResult(true) : WaitOnVirtualTime(semaphore, timeout, loop.Time, cancellationToken);
    }

    private static async Task<bool> WaitOnVirtualTime(SemaphoreSlim semaphore, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var entering = semaphore.WaitAsync(cancellationToken);
        using var stopTimer = new CancellationTokenSource();
        var timedOut = Task.Delay(timeout, time, stopTimer.Token);
        if (await Task.WhenAny(entering, timedOut) == entering)
        {
            // Cancel, not CancelAsync: the delay's callback then runs in this step instead of on the thread pool.
            stopTimer.Cancel();
            await entering;
            return true;
        }

        // The wait stays queued in the semaphore, as the original's does until it notices the timeout: a slot it is
        // granted later goes back at once.
        _ = GiveBackLater(semaphore, entering);
        return false;
    }

    private static async Task GiveBackLater(SemaphoreSlim semaphore, Task entering)
    {
        try
        {
            await entering;
            semaphore.Release();
        }
        catch (OperationCanceledException)
        {
        }
    }
}
