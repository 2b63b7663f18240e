namespace SimLoop.Rewriter;

/// <summary>
/// The table of call sites to re-point, Coyote-style: a BCL member (declaring type without generic arguments,
/// name, parameter types) and the SimLoop.Interception helper that replaces it. Instance members become static
/// helpers taking the instance first; constructors become factory helpers; the stack shape never changes.
/// </summary>
internal static class CallSites
{
    public const string Helpers = "SimLoop.Interception";

    public static readonly IReadOnlyDictionary<string, (string Type, string Method)> Table = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["System.DateTime::get_UtcNow()"] = ("Clocks", "DateTimeUtcNow"),
        ["System.DateTime::get_Now()"] = ("Clocks", "DateTimeNow"),
        ["System.DateTimeOffset::get_UtcNow()"] = ("Clocks", "DateTimeOffsetUtcNow"),
        ["System.DateTimeOffset::get_Now()"] = ("Clocks", "DateTimeOffsetNow"),
        ["System.Environment::get_TickCount()"] = ("Clocks", "TickCount"),
        ["System.Environment::get_TickCount64()"] = ("Clocks", "TickCount64"),
        ["System.Diagnostics.Stopwatch::GetTimestamp()"] = ("Clocks", "GetTimestamp"),
        ["System.Diagnostics.Stopwatch::GetElapsedTime(System.Int64)"] = ("Clocks", "GetElapsedTime"),
        ["System.TimeProvider::get_System()"] = ("Clocks", "SystemTimeProvider"),

        ["System.Diagnostics.Stopwatch::.ctor()"] = ("Stopwatches", "Create"),
        ["System.Diagnostics.Stopwatch::StartNew()"] = ("Stopwatches", "CreateStarted"),
        ["System.Diagnostics.Stopwatch::Start()"] = ("Stopwatches", "Start"),
        ["System.Diagnostics.Stopwatch::Stop()"] = ("Stopwatches", "Stop"),
        ["System.Diagnostics.Stopwatch::Reset()"] = ("Stopwatches", "Reset"),
        ["System.Diagnostics.Stopwatch::Restart()"] = ("Stopwatches", "Restart"),
        ["System.Diagnostics.Stopwatch::get_IsRunning()"] = ("Stopwatches", "IsRunning"),
        ["System.Diagnostics.Stopwatch::get_Elapsed()"] = ("Stopwatches", "Elapsed"),
        ["System.Diagnostics.Stopwatch::get_ElapsedMilliseconds()"] = ("Stopwatches", "ElapsedMilliseconds"),
        ["System.Diagnostics.Stopwatch::get_ElapsedTicks()"] = ("Stopwatches", "ElapsedTicks"),

        ["System.Threading.Tasks.Task::Delay(System.TimeSpan)"] = ("Waits", "Delay"),
        ["System.Threading.Tasks.Task::Delay(System.TimeSpan,System.Threading.CancellationToken)"] = ("Waits", "Delay"),
        ["System.Threading.Tasks.Task::Delay(System.Int32)"] = ("Waits", "Delay"),
        ["System.Threading.Tasks.Task::Delay(System.Int32,System.Threading.CancellationToken)"] = ("Waits", "Delay"),
        ["System.Threading.Tasks.Task::WaitAsync(System.TimeSpan)"] = ("Waits", "WaitAsync"),
        ["System.Threading.Tasks.Task::WaitAsync(System.TimeSpan,System.Threading.CancellationToken)"] = ("Waits", "WaitAsync"),
        ["System.Threading.Tasks.Task`1::WaitAsync(System.TimeSpan)"] = ("Waits", "WaitAsync"),
        ["System.Threading.Tasks.Task`1::WaitAsync(System.TimeSpan,System.Threading.CancellationToken)"] = ("Waits", "WaitAsync"),
        ["System.Threading.CancellationTokenSource::.ctor(System.TimeSpan)"] = ("Waits", "NewCancellationTokenSource"),
        ["System.Threading.CancellationTokenSource::.ctor(System.Int32)"] = ("Waits", "NewCancellationTokenSource"),
        ["System.Threading.PeriodicTimer::.ctor(System.TimeSpan)"] = ("Waits", "NewPeriodicTimer"),
        ["System.Threading.CancellationTokenSource::CancelAfter(System.TimeSpan)"] = ("Waits", "CancelAfter"),
        ["System.Threading.CancellationTokenSource::CancelAfter(System.Int32)"] = ("Waits", "CancelAfter"),
        ["System.Threading.Timer::.ctor(System.Threading.TimerCallback)"] = ("Timers", "New"),
        ["System.Threading.Timer::.ctor(System.Threading.TimerCallback,System.Object,System.Int32,System.Int32)"] = ("Timers", "New"),
        ["System.Threading.Timer::.ctor(System.Threading.TimerCallback,System.Object,System.Int64,System.Int64)"] = ("Timers", "New"),
        ["System.Threading.Timer::.ctor(System.Threading.TimerCallback,System.Object,System.UInt32,System.UInt32)"] = ("Timers", "New"),
        ["System.Threading.Timer::.ctor(System.Threading.TimerCallback,System.Object,System.TimeSpan,System.TimeSpan)"] = ("Timers", "New"),
        ["System.Threading.Timer::Change(System.Int32,System.Int32)"] = ("Timers", "Change"),
        ["System.Threading.Timer::Change(System.Int64,System.Int64)"] = ("Timers", "Change"),
        ["System.Threading.Timer::Change(System.UInt32,System.UInt32)"] = ("Timers", "Change"),
        ["System.Threading.Timer::Change(System.TimeSpan,System.TimeSpan)"] = ("Timers", "Change"),
        ["System.Threading.Timer::Dispose()"] = ("Timers", "Dispose"),
        ["System.Threading.Timer::DisposeAsync()"] = ("Timers", "DisposeAsync"),
        ["System.IDisposable::Dispose()"] = ("Timers", "Dispose"),

        ["System.Threading.SemaphoreSlim::WaitAsync(System.TimeSpan)"] = ("Semaphores", "WaitAsync"),
        ["System.Threading.SemaphoreSlim::WaitAsync(System.Int32)"] = ("Semaphores", "WaitAsync"),
        ["System.Threading.SemaphoreSlim::WaitAsync(System.TimeSpan,System.Threading.CancellationToken)"] = ("Semaphores", "WaitAsync"),
        ["System.Threading.SemaphoreSlim::WaitAsync(System.Int32,System.Threading.CancellationToken)"] = ("Semaphores", "WaitAsync"),

        ["System.Threading.Thread::Start()"] = ("Threads", "Start"),
        ["System.Threading.Thread::Start(System.Object)"] = ("Threads", "Start"),
        ["System.Threading.Tasks.TaskFactory::StartNew(System.Action,System.Threading.Tasks.TaskCreationOptions)"] = ("Threads", "StartTask"),
        ["System.Threading.Tasks.TaskFactory::StartNew(System.Action,System.Threading.CancellationToken,System.Threading.Tasks.TaskCreationOptions,System.Threading.Tasks.TaskScheduler)"] = ("Threads", "StartTask"),
        ["System.Threading.Tasks.TaskFactory::StartNew(System.Action`1,System.Object,System.Threading.Tasks.TaskCreationOptions)"] = ("Threads", "StartTask"),
        ["System.Threading.Tasks.TaskFactory::StartNew(System.Func`1,System.Threading.Tasks.TaskCreationOptions)"] = ("Threads", "StartTask"),
        ["System.Threading.Tasks.TaskFactory::StartNew(System.Func`1,System.Threading.CancellationToken,System.Threading.Tasks.TaskCreationOptions,System.Threading.Tasks.TaskScheduler)"] = ("Threads", "StartTask"),

        ["System.Threading.Thread::Sleep(System.Int32)"] = ("Waits", "Sleep"),
        ["System.Threading.Thread::Sleep(System.TimeSpan)"] = ("Waits", "Sleep"),
    };
}
