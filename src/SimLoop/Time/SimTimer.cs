using SimLoop.Loop;

namespace SimLoop.Time;

/// <summary>
/// An <see cref="ITimer"/> on virtual time: what <see cref="VirtualTimeProvider.CreateTimer"/> returns, and so what
/// Task.Delay(t, Sim.Time), CancellationTokenSource(t, Sim.Time), PeriodicTimer and WaitAsync run on.
/// Its callback runs when the loop fires it (between steps, like Sim.Delay's wake-up), owned by the task that
/// created the timer, never on a real thread.
/// </summary>
internal sealed class SimTimer : ScheduledEvent, ITimer
{
    private static readonly SendOrPostCallback s_run = static state => ((SimTimer)state!).Run();

    private readonly EventLoop _loop;
    private readonly TimerCallback _callback;
    private readonly object? _state;
    private readonly ExecutionContext? _executionContext;
    private readonly SimTask _owner;
    private long _periodTicks;
    private bool _disposed;

    public SimTimer(EventLoop loop, SimTask owner, TimerCallback callback, object? state)
    {
        _loop = loop;
        _owner = owner;
        _callback = callback;
        _state = state;

        // Like System.Threading.Timer, the callback runs in the creator's ExecutionContext (AsyncLocals flow).
        _executionContext = ExecutionContext.Capture();
    }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        ValidateInterval(dueTime, nameof(dueTime));
        ValidateInterval(period, nameof(period));
        if (_loop.IsFinished && dueTime != Timeout.InfiniteTimeSpan)
        {
            // Kept across runs (a library's static pool or cache): it would be armed on a loop that will never fire it.
            throw new InvalidOperationException(
                "SimLoop: a timer of Sim.Time was armed after its simulation ended (seed " + Tracing.TimeFormat.Hex(_loop.Seed) + "). A timer, CancellationTokenSource " +
                "or PeriodicTimer created on one run's Sim.Time was kept (in a static field, a pool or a cache) and used again, so it would never fire. " +
                "Create such objects inside each run, or clear the static state between runs.");
        }

        _loop.EnsureOnLoopThread("ITimer.Change");
        if (_disposed)
        {
            return false;
        }

        _periodTicks = period == Timeout.InfiniteTimeSpan ? 0 : period.Ticks;
        if (dueTime == Timeout.InfiniteTimeSpan)
        {
            EventQueue.Cancel(this);
        }
        else
        {
            _loop.Schedule(this, dueTime.Ticks);
        }

        return true;
    }

    public override void Fire(EventLoop loop)
    {
        // The next period counts from this firing, as a real timer counts from when its thread fired it; scheduled
        // first so that a Change or Dispose in the callback has the last word.
        if (_periodTicks > 0)
        {
            loop.Schedule(this, _periodTicks);
        }

        loop.RunTimerCallback(s_run, this, _owner);
    }

    public void Dispose()
    {
        // Disposing from a real thread (the runtime's clean-up of WaitAsync after an escape) is reported, never thrown:
        // an exception there would crash the process.
        if (!_loop.IsLoopThread)
        {
            _loop.NoteForeignThread("ITimer.Dispose of a Sim.Time timer");
            return;
        }

        _disposed = true;
        EventQueue.Cancel(this);
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private void Run()
    {
        // Disposed by an earlier callback of the same instant: stays silent.
        if (_disposed)
        {
            return;
        }

        if (_executionContext is null)
        {
            _callback(_state);
        }
        else
        {
            ExecutionContext.Run(_executionContext, static s => ((SimTimer)s!).InvokeCallback(), this);
        }
    }

    private void InvokeCallback() => _callback(_state);

    private static void ValidateInterval(TimeSpan value, string name)
    {
        if (value < TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(name, value, "A timer interval must be non-negative or Timeout.InfiniteTimeSpan.");
        }
    }
}
