using System.Globalization;
using SimLoop.Tracing;

namespace SimLoop;

/// <summary>
/// How fairly the loop was shared in one run: per-task statistics, the loop's lag and load, slow steps and the
/// worker pool. All values are exact virtual durations; definitions and a worked example: docs/fairness.md.
/// </summary>
public sealed class FairnessReport
{
    private readonly Dictionary<string, TaskStats> _byName;

    internal FairnessReport(IReadOnlyList<TaskStats> tasks, TimeSpan elapsed, TimeSpan loopBusy, TimeSpan maxLoopLag, IReadOnlyList<SlowStep> slowSteps, TimeSpan slowStepThreshold, WorkerPoolStats workers)
    {
        Tasks = tasks;
        Elapsed = elapsed;
        LoopBusy = loopBusy;
        MaxLoopLag = maxLoopLag;
        SlowSteps = slowSteps;
        SlowStepThreshold = slowStepThreshold;
        Workers = workers;
        JainIndex = ComputeJainIndex(tasks);
        _byName = tasks.ToDictionary(task => task.Name, StringComparer.Ordinal);
    }

    /// <summary>Every task of the run, in creation order (main first).</summary>
    public IReadOnlyList<TaskStats> Tasks { get; }

    /// <summary>Virtual time the run covered.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Total time the loop was held by Cpu and Block sections (equals the sum of all tasks' LoopTime).</summary>
    public TimeSpan LoopBusy { get; }

    /// <summary>The largest timer lateness of the run: how far behind the clock the loop fell at worst.</summary>
    public TimeSpan MaxLoopLag { get; }

    /// <summary>Steps whose cost reached <see cref="SlowStepThreshold"/>, in order.</summary>
    public IReadOnlyList<SlowStep> SlowSteps { get; }

    /// <summary>The threshold used for <see cref="SlowSteps"/>.</summary>
    public TimeSpan SlowStepThreshold { get; }

    /// <summary>
    /// Jain's fairness index over the loop time (Cpu + Block) of the tasks that used any: 1.0 when they used the
    /// same, 1/n when one task used all of it; 1.0 when fewer than two tasks used the loop.
    /// </summary>
    public double JainIndex { get; }

    /// <summary>The simulated worker pool behind Sim.ToThread.</summary>
    public WorkerPoolStats Workers { get; }

    /// <summary>The statistics of the task named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No task has that name; the message lists the names there are.</exception>
    public TaskStats Task(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _byName.TryGetValue(name, out var stats)
            ? stats
            : throw new KeyNotFoundException(
                $"The run has no task named '{name}'. Its tasks are: {string.Join(", ", Tasks.Select(t => "'" + t.Name + "'"))}. " +
                "Names come from Sim.Spawn(name, ...); the entry task is 'main'; a repeated name gets a suffix (#2, #3, ...).");
    }

    /// <summary>The report as a table, one row per task, then the loop, slow steps and the pool.</summary>
    public override string ToString() => FairnessTable.Render(this);

    internal static double ComputeJainIndex(IEnumerable<TaskStats> tasks)
    {
        var shares = tasks.Select(t => t.LoopTime.Ticks).Where(x => x > 0).ToList();
        if (shares.Count < 2)
        {
            return 1.0;
        }

        // (sum x)^2 / (n * sum x^2) in exact integers: equal shares give exactly 1.0, never 0.9999999999999999,
        // and unequal ones never round above 1.
        UInt128 sum = 0, sumOfSquares = 0;
        foreach (var x in shares)
        {
            sum += (UInt128)x;
            sumOfSquares += (UInt128)x * (UInt128)x;
        }

        var numerator = sum * sum;
        var denominator = (UInt128)shares.Count * sumOfSquares;
        return numerator == denominator ? 1.0 : (double)numerator / (double)denominator;
    }

    internal static string Percent(TimeSpan part, TimeSpan whole) =>
        whole <= TimeSpan.Zero ? "0 %" : (100.0 * part.Ticks / whole.Ticks).ToString("0.#", CultureInfo.InvariantCulture) + " %";

    internal static string D(TimeSpan d) => TimeFormat.Duration(d);
}
