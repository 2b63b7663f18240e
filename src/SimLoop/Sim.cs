using SimLoop.Loop;

namespace SimLoop;

/// <summary>
/// The front door: run async code on a simulated single-threaded event loop with virtual time and a seeded
/// scheduler (<see cref="Run(Func{Task}, SimOptions?)"/>), and the operations code under test uses inside it.
/// </summary>
public static partial class Sim
{
    internal const string NotRunningMessage =
        "There is no SimLoop simulation running on this thread. Start one with Sim.Run(async () => { ... }) " +
        "(or mark an NUnit test with [SimTest]); code that also runs outside a simulation can check Sim.IsRunning first. " +
        "If this code was started inside Sim.Run, it has left the loop for another thread (Task.Run, ConfigureAwait(false), " +
        "a real timer): keep it on the loop.";

    /// <summary>
    /// asyncio.run for SimLoop: runs <paramref name="main"/> on a fresh loop on this thread until it finishes, then
    /// cancels tasks still pending. The caller's SynchronizationContext is restored afterwards, whatever happened.
    /// </summary>
    /// <exception cref="SimulationFailedException">The run failed; the message says why and how to replay it.</exception>
    /// <exception cref="ArgumentException">The options are invalid (every problem listed) or the replay token is.</exception>
    /// <exception cref="InvalidOperationException">Called inside a running simulation.</exception>
#pragma warning disable RS0026 // Run and Run<T> both take optional options: the documented contract, as Task.Run's overloads do.
    public static SimResult Run(Func<Task> main, SimOptions? options = null)
    {
        var loop = Execute(main, options);
        return loop.ToResult();
    }

    /// <summary>Runs a <paramref name="main"/> that returns a value; see <see cref="Run(Func{Task}, SimOptions?)"/>.</summary>
    /// <exception cref="SimulationFailedException">The run failed; the message says why and how to replay it.</exception>
    public static SimResult<T> Run<T>(Func<Task<T>> main, SimOptions? options = null)
    {
        var loop = Execute(main, options);
        return new SimResult<T>(loop.ToResult(), ((Task<T>)loop.MainBody!).Result);
    }
#pragma warning restore RS0026

    /// <summary>True while a simulation runs on this thread.</summary>
    public static bool IsRunning => EventLoop.CurrentOrNull is not null;

    /// <summary>The loop running on this thread.</summary>
    /// <exception cref="InvalidOperationException">No simulation runs on this thread.</exception>
    public static EventLoop Current => CurrentLoop;

    /// <summary>Virtual time as a <see cref="TimeProvider"/>: pass it to Task.Delay, CancellationTokenSource, PeriodicTimer, WaitAsync, Polly...</summary>
    public static TimeProvider Time => CurrentLoop.Time;

    /// <summary>The current virtual instant.</summary>
    public static DateTimeOffset Now => CurrentLoop.Now;

    /// <summary>Virtual time since the start of the run.</summary>
    public static TimeSpan Elapsed => CurrentLoop.Elapsed;

    internal static EventLoop CurrentLoop => EventLoop.CurrentOrNull ?? throw new InvalidOperationException(NotRunningMessage);

    private static EventLoop Execute(Func<Task> main, SimOptions? options)
    {
        ArgumentNullException.ThrowIfNull(main);
        options ??= new SimOptions();
        options.Validate();
        var loop = EventLoop.Execute(main, options, RunPlan.For(options));
        if (loop.Failure is not null)
        {
            throw new SimulationFailedException(loop.ToFailure(iteration: 0));
        }

        return loop;
    }
}
