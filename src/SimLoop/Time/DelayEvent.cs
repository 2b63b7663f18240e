namespace SimLoop.Time;

/// <summary>
/// The timer behind <see cref="Sim.Delay(TimeSpan, CancellationToken)"/>. When it fires the loop completes the
/// task directly, so the awaiter is queued once, counted as ready from the due time: no extra hop through a
/// timer-callback step (that hop is what <c>Task.Delay(t, Sim.Time)</c> pays).
/// </summary>
internal sealed class DelayEvent : ScheduledEvent
{
    private readonly TaskCompletionSource _completion = new();
    private readonly EventLoop _loop;
    private readonly bool _isYield;
    private CancellationTokenRegistration _registration;

    public DelayEvent(EventLoop loop, bool isYield)
    {
        _loop = loop;
        _isYield = isYield;
    }

    public Task Task => _completion.Task;

    public override ReadyReason Reason => _isYield ? ReadyReason.Yield : ReadyReason.Timer;

    public void CancelWith(CancellationToken cancellationToken) =>
        _registration = cancellationToken.UnsafeRegister(
            static (state, token) => ((DelayEvent)state!).Cancel(token), this);

    public override void Fire(EventLoop loop)
    {
        _registration.Unregister();
        _completion.TrySetResult();
    }

    public override void CancelAtShutdown() => Cancel(new CancellationToken(canceled: true));

    /// <summary>Token cancelled, or the loop shut down while the delay was pending.</summary>
    public void Cancel(CancellationToken token)
    {
        // A token cancelled on a real thread (CancelAsync, a real timer) must not touch the loop's queue from there.
        if (!_loop.IsLoopThread)
        {
            _loop.NoteForeignThread("cancelling a Sim.Delay through its CancellationToken");
            return;
        }

        EventQueue.Cancel(this);
        _registration.Unregister();
        _completion.TrySetCanceled(token);
    }
}
