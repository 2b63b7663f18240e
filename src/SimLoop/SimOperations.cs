namespace SimLoop;

// The operations code under test calls inside a simulation. Each throws InvalidOperationException (with how to
// start a simulation) when no simulation runs on the calling thread.
public static partial class Sim
{
    /// <summary>
    /// Waits <paramref name="delay"/> of virtual time. The awaiter is woken directly by the timer and counts as
    /// ready from its due time. <see cref="TimeSpan.Zero"/> yields exactly like <see cref="Yield"/> (asyncio.sleep(0)).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The delay is negative.</exception>
    public static Task Delay(TimeSpan delay, CancellationToken cancellationToken = default) =>
        CurrentLoop.Delay(delay, cancellationToken);

    /// <summary>Gives the loop back: the task continues behind everything ready (asyncio.sleep(0)).</summary>
    public static SimYieldAwaitable Yield()
    {
        _ = CurrentLoop;
        return default;
    }

    /// <summary>
    /// Starts a named task, like asyncio.create_task: its first step is queued, not run inside the caller's step.
    /// Continuations of its code belong to it. A task still pending when main finishes is cancelled.
    /// </summary>
    public static Task Spawn(string name, Func<Task> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return CurrentLoop.Spawn<object?>(name, _ => body(), wantsToken: false);
    }

    /// <summary>Starts a named task that returns a value; see <see cref="Spawn(string, Func{Task})"/>.</summary>
    public static Task<T> Spawn<T>(string name, Func<Task<T>> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return CurrentLoop.Spawn<T>(name, _ => body(), wantsToken: false);
    }

    /// <summary>Starts a named task that receives a token, cancelled if the task is still pending when main finishes.</summary>
    public static Task Spawn(string name, Func<CancellationToken, Task> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return CurrentLoop.Spawn<object?>(name, body, wantsToken: true);
    }

    /// <summary>Starts a named task with a shutdown token that returns a value.</summary>
    public static Task<T> Spawn<T>(string name, Func<CancellationToken, Task<T>> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return CurrentLoop.Spawn<T>(name, body, wantsToken: true);
    }

    /// <summary>
    /// Declares CPU-bound work with no await: the loop is held (no other step runs) while the clock advances by
    /// <paramref name="cost"/>, so a timer due inside fires late by exactly the rest of the section.
    /// </summary>
    public static void Cpu(TimeSpan cost, string? label = null) => CurrentLoop.Hold(cost, label, SectionKind.Cpu);

    /// <summary>Declares a blocking call (time.sleep, a synchronous HTTP call): the same effect on the loop as <see cref="Cpu"/>, reported as blocking.</summary>
    public static void Block(TimeSpan duration, string? label = null) => CurrentLoop.Hold(duration, label, SectionKind.Block);

    /// <summary>
    /// asyncio.to_thread: runs <paramref name="work"/> on the simulated worker pool, taking <paramref name="cost"/>
    /// of a worker's time; the loop stays free. The work runs atomically at its finish instant; its exception
    /// surfaces at the await.
    /// </summary>
    public static Task ToThread(Action work, TimeSpan cost)
    {
        ArgumentNullException.ThrowIfNull(work);
        return CurrentLoop.ToThread<object?>(null, work, cost);
    }

    /// <summary>Runs <paramref name="work"/> on the simulated worker pool and returns its result; see <see cref="ToThread(Action, TimeSpan)"/>.</summary>
    public static Task<T> ToThread<T>(Func<T> work, TimeSpan cost)
    {
        ArgumentNullException.ThrowIfNull(work);
        return CurrentLoop.ToThread(work, null, cost);
    }

    /// <summary>Seeded fault injection: true with the given probability, reproducibly for the run's seed.</summary>
    public static bool Chance(double probability) => CurrentLoop.Chance(probability);

    /// <summary>A seeded choice in [0, <paramref name="count"/>), reproducible for the run's seed.</summary>
    public static int Choose(int count) => CurrentLoop.Choose(count);
}
