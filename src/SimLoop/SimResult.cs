using SimLoop.Tracing;

namespace SimLoop;

/// <summary>What a successful run leaves behind.</summary>
public class SimResult
{
    internal SimResult(TimeSpan elapsed, long steps, ulong seed, string strategy, string replayToken, FairnessReport fairness, Trace trace, IReadOnlyList<string> cancelledTasks)
    {
        Elapsed = elapsed;
        Steps = steps;
        Seed = seed;
        Strategy = strategy;
        ReplayToken = replayToken;
        Fairness = fairness;
        Trace = trace;
        CancelledTasks = cancelledTasks;
    }

    /// <summary>Virtual time the run covered.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Steps the run took (clean-up steps after main included).</summary>
    public long Steps { get; }

    /// <summary>The run's seed.</summary>
    public ulong Seed { get; }

    /// <summary>The name of the strategy that scheduled the run.</summary>
    public string Strategy { get; }

    /// <summary>Reproduces this run exactly when given as <see cref="SimOptions.Replay"/>.</summary>
    public string ReplayToken { get; }

    /// <summary>How the loop was shared: per-task delays, lateness, CPU, slow steps, the worker pool.</summary>
    public FairnessReport Fairness { get; }

    /// <summary>The run's steps (the last ones, or all with <see cref="SimOptions.RecordTrace"/>) and its hash.</summary>
    public Trace Trace { get; }

    /// <summary>Tasks still pending when main finished; they were cancelled, as asyncio.run does.</summary>
    public IReadOnlyList<string> CancelledTasks { get; }

    /// <summary>
    /// The run as one self-contained HTML page (no network needed): a timeline with a lane per task and per
    /// simulated worker, the loop's occupancy, late timers and slow steps, then the fairness table; seed and replay
    /// token in its header. Shows every step when the run was made with <see cref="SimOptions.RecordTrace"/>, else the last ones.
    /// </summary>
    public string ToHtmlTimeline() => HtmlTimelineWriter.Write(TimelineRun.Of(this));

    /// <summary>Writes <see cref="ToHtmlTimeline"/> to <paramref name="path"/> (UTF-8), creating the directory if needed.</summary>
    public void WriteHtmlTimeline(string path) => TraceFile.Write(path, ToHtmlTimeline());
}

/// <summary>A successful run of a main that returns a value.</summary>
/// <typeparam name="T">The type main returns.</typeparam>
public sealed class SimResult<T> : SimResult
{
    internal SimResult(SimResult result, T value)
        : base(result.Elapsed, result.Steps, result.Seed, result.Strategy, result.ReplayToken, result.Fairness, result.Trace, result.CancelledTasks)
    {
        Value = value;
    }

    /// <summary>What main returned.</summary>
    public T Value { get; }
}
