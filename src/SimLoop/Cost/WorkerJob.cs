using SimLoop.Loop;
using SimLoop.Time;

namespace SimLoop.Cost;

/// <summary>
/// One ToThread job: an event at its finish instant. The work delegate runs atomically when the loop processes
/// that event (between steps), and the awaiter is queued then, counted as ready from the finish instant.
/// </summary>
internal sealed class WorkerJob<T> : ScheduledEvent
{
    private readonly Func<T>? _function;
    private readonly Action? _action;
    private readonly TaskCompletionSource<T> _completion = new();

    public WorkerJob(Func<T>? function, Action? action, SimTask owner)
    {
        _function = function;
        _action = action;
        Owner = owner;
    }

    public SimTask Owner { get; }

    public Task<T> Task => _completion.Task;

    public override ReadyReason Reason => ReadyReason.Worker;

    public override void Fire(EventLoop loop)
    {
        T result;
        try
        {
            using (loop.EnterWorkerWork())
            {
                if (_action is not null)
                {
                    _action();
                    result = default!;
                }
                else
                {
                    result = _function!();
                }
            }
        }
        catch (Exception exception)
        {
            // Like asyncio.to_thread: the work's exception surfaces at the awaiter.
            _completion.TrySetException(exception);
            return;
        }

        _completion.TrySetResult(result);
    }

    /// <summary>The loop shut down before the job finished.</summary>
    public override void CancelAtShutdown() => _completion.TrySetCanceled();
}
