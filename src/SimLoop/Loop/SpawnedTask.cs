namespace SimLoop.Loop;

/// <summary>
/// The start of a spawned task (or main) as a ready item, like asyncio.create_task: the body does not run
/// inside the spawner's step; the strategy decides when its first step runs. The caller gets a task that
/// completes when the body's task does, from inside the body's last step, so the awaiting parent is queued
/// (not inlined) and resumes in a step of its own.
/// </summary>
internal sealed class SpawnedTask<T> : IUnstartedTask
{
    public static readonly SendOrPostCallback Start = static state => ((SpawnedTask<T>)state!).Run();

    private static readonly Action<Task, object?> s_forward = static (body, state) => ((SpawnedTask<T>)state!).Forward(body);

    private readonly SimTask _task;
    private readonly Func<CancellationToken, Task> _body;
    private readonly TaskCompletionSource<T> _completion = new();

    public SpawnedTask(SimTask task, Func<CancellationToken, Task> body)
    {
        _task = task;
        _body = body;
        task.Completion = _completion.Task;
    }

    public Task<T> Completion => _completion.Task;

    public Delegate Body => _body;

    /// <summary>LoopModel.Asyncio's shutdown: a task cancelled before its first step never runs (asyncio throws CancelledError into the unstarted coroutine).</summary>
    public void CancelBeforeStart()
    {
        _task.Body = Task.FromCanceled(new CancellationToken(canceled: true));
        _completion.TrySetCanceled();
    }

    private void Run()
    {
        Task body;
        try
        {
            body = _body(_task.Cancellation?.Token ?? CancellationToken.None)
                ?? throw new InvalidOperationException($"The body of simulated task '{_task.Name}' returned null instead of a Task.");
        }
        catch (Exception exception)
        {
            _task.Body = Task.FromException(exception);
            _completion.TrySetException(exception);
            return;
        }

        _task.Body = body;
        if (body.IsCompleted)
        {
            Forward(body);
        }
        else
        {
            // ExecuteSynchronously: forwarded inside the body's last step, so the parent is queued right then.
            body.ContinueWith(s_forward, this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private void Forward(Task body)
    {
        if (body.IsCompletedSuccessfully)
        {
            _completion.TrySetResult(body is Task<T> typed ? typed.Result : default!);
        }
        else if (body.IsCanceled)
        {
            _completion.TrySetCanceled(CancellationTokenOf(body));
        }
        else
        {
            _completion.TrySetException(body.Exception!.InnerExceptions);
        }
    }

    private static CancellationToken CancellationTokenOf(Task canceled)
    {
        try
        {
            canceled.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException exception)
        {
            return exception.CancellationToken;
        }

        return CancellationToken.None;
    }
}

/// <summary>The start of a spawned task, whatever its result type.</summary>
internal interface IUnstartedTask
{
    /// <summary>The delegate its first step runs (diagnostics name where a task starts from it).</summary>
    Delegate Body { get; }

    void CancelBeforeStart();
}
