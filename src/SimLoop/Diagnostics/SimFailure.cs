namespace SimLoop;

/// <summary>Everything known about one failed run: what failed, and how to get it back.</summary>
public sealed class SimFailure
{
    internal SimFailure(FailureKind kind, ulong seed, string replayToken, int iteration, string message, Exception? exception, Trace trace, string? taskName,
        string what, string? why, string? fix, string? context)
    {
        What = what;
        Why = why;
        Fix = fix;
        Context = context;
        Kind = kind;
        Seed = seed;
        ReplayToken = replayToken;
        Iteration = iteration;
        Message = message;
        Exception = exception;
        Trace = trace;
        TaskName = taskName;
    }

    /// <summary>What failed.</summary>
    public FailureKind Kind { get; }

    /// <summary>The seed of the failing run.</summary>
    public ulong Seed { get; }

    /// <summary>Set <see cref="SimOptions.Replay"/> to this to reproduce the run exactly.</summary>
    public string ReplayToken { get; }

    /// <summary>The exploration iteration that failed (0 for a single <see cref="Sim.Run(Func{Task}, SimOptions?)"/>).</summary>
    public int Iteration { get; }

    /// <summary>The full human-readable report: what happened, why, how to fix it, how to reproduce it, the last steps.</summary>
    public string Message { get; }

    /// <summary>The user's exception, when the failure is one.</summary>
    public Exception? Exception { get; }

    /// <summary>The steps of the failing run (the last ones, or all when tracing was on).</summary>
    public Trace Trace { get; }

    /// <summary>The simulated task the failure is attributed to, when there is one.</summary>
    public string? TaskName { get; }

    /// <summary>What happened, in one paragraph (the first part of <see cref="Message"/>, without "SimLoop: ").</summary>
    public string What { get; }

    /// <summary>Why this breaks the run, when that needs saying (not for the test's own exceptions).</summary>
    public string? Why { get; }

    /// <summary>How to fix it.</summary>
    public string? Fix { get; }

    /// <summary>How the failure was found: exploration iteration, base seed, shrinking.</summary>
    public string? Context { get; }

    /// <summary>
    /// The failing run as one self-contained HTML page (no network needed): a timeline with a lane per task and per
    /// simulated worker, the loop's occupancy, late timers and slow steps, the failing step with where it threw,
    /// the fairness table up to the failure and the full report; seed and replay token in its header.
    /// </summary>
    public string ToHtmlTimeline() => Tracing.HtmlTimelineWriter.Write(Tracing.TimelineRun.Of(this));

    /// <summary>Writes <see cref="ToHtmlTimeline"/> to <paramref name="path"/> (UTF-8), creating the directory if needed.</summary>
    public void WriteHtmlTimeline(string path) => Tracing.TraceFile.Write(path, ToHtmlTimeline());

    /// <summary>How the loop was shared up to the failure (drawn under the HTML timeline).</summary>
    internal FairnessReport? Fairness { get; init; }

    /// <summary>The name of the strategy that scheduled the failing run.</summary>
    internal string? Strategy { get; init; }

    /// <summary>One line; the whole report is <see cref="Message"/>. (Test frameworks print exception properties, so this stays short.)</summary>
    public override string ToString() =>
        $"{Kind} at iteration {Iteration.ToString(System.Globalization.CultureInfo.InvariantCulture)}, seed {Tracing.TimeFormat.Hex(Seed)}, replay token {ReplayToken}";
}
