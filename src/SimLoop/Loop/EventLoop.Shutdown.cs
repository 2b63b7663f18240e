using SimLoop.Loop;

namespace SimLoop;

// asyncio.run's clean-up: when main finishes, tasks still pending are cancelled and given the chance to run
// their clean-up code (catch OperationCanceledException, finally blocks); then the run ends.
public sealed partial class EventLoop
{
    private bool _shuttingDown;

    private void ShutDown()
    {
        _shuttingDown = true;
        var pending = _tasks.Where(task => task != _main && !task.IsFinished).ToList();
        foreach (var task in pending)
        {
            task.CancelledAtShutdown = true;
        }

        // Cancellation callbacks run between steps, like completions of firing events.
        _firing = true;
        _firingReason = ReadyReason.Continuation;
        _firingReadyAt = _now;
        try
        {
            foreach (var task in pending)
            {
                task.Cancellation?.Cancel();
            }

            // Pending Sim.Delay waits end with OperationCanceledException, as asyncio cancels a sleeping task;
            // other timers simply never fire again.
            foreach (var e in _events.DrainLive())
            {
                e.CancelAtShutdown();
            }
        }
        catch (Exception exception)
        {
            FailEscapedException(_loopTask, exception, "while cancelling the tasks still pending when main finished");
        }
        finally
        {
            _firing = false;
        }

        if (Has(AsyncioTraits.RunEnd))
        {
            DropUnstartedTasks();
        }

        while (_failure is null && _ready.Count > 0)
        {
            if (IsAsyncioModel)
            {
                RunReadyItem(_ready.RemoveAt(0));
            }
            else
            {
                RunStep(TakeReady());
            }

            if (_trace.Count >= _options.MaxSteps)
            {
                FailStepLimit();
            }
        }
    }

    /// <summary>
    /// asyncio.run cancels every pending task; one whose first step is still queued never runs its body (the
    /// CancelledError is thrown into the unstarted coroutine), and its awaiters see the cancellation.
    /// </summary>
    private void DropUnstartedTasks()
    {
        for (var count = _ready.Count; count > 0; count--)
        {
            var item = _ready.RemoveAt(0);
            if (item.Reason == ReadyReason.Spawn && item.State is IUnstartedTask unstarted)
            {
                unstarted.CancelBeforeStart();
            }
            else
            {
                _ready.Enqueue(item);
            }
        }
    }

    private List<string> CancelledTaskNames() =>
        _tasks.Where(task => task.CancelledAtShutdown).Select(task => task.Name).ToList();
}
