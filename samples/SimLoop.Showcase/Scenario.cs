namespace SimLoop.Showcase;

/// <summary>One rule of cooperative scheduling on a single-threaded loop (asyncio's), demonstrated on the simulated loop.</summary>
internal abstract class Scenario
{
    /// <summary>Short file-friendly name, also the trace file's name.</summary>
    public abstract string Id { get; }

    public abstract string Title { get; }

    /// <summary>Runs the scenario, writes its trace file into <paramref name="traceDirectory"/>, and returns its report.</summary>
    public abstract ScenarioReport Run(string traceDirectory);

    /// <summary>
    /// Writes the run's trace as Chrome/Perfetto JSON and as an HTML timeline, both named after the scenario; returns their paths.
    /// </summary>
    protected TraceFiles WriteTrace(SimResult result, string traceDirectory)
    {
        var files = FilesIn(traceDirectory);
        result.Trace.WriteChromeJson(files.Json);
        result.WriteHtmlTimeline(files.Html);
        return files;
    }

    /// <summary>The same for a failing run.</summary>
    protected TraceFiles WriteTrace(SimFailure failure, string traceDirectory)
    {
        var files = FilesIn(traceDirectory);
        failure.Trace.WriteChromeJson(files.Json);
        failure.WriteHtmlTimeline(files.Html);
        return files;
    }

    private TraceFiles FilesIn(string traceDirectory) =>
        new(Path.Combine(traceDirectory, Id + ".json"), Path.Combine(traceDirectory, Id + ".html"));
}

/// <summary>A scenario's trace files: Chrome/Perfetto JSON, and the HTML timeline that opens in any browser.</summary>
internal sealed record TraceFiles(string Json, string Html);

/// <summary>What a scenario prints: predictions next to observations, the fairness table, the trace files.</summary>
internal sealed record ScenarioReport(IReadOnlyList<Check> Checks, string Details, TraceFiles? Traces)
{
    public bool AllHold => Checks.All(c => c.Holds);
}

/// <summary>A predicted value next to the observed one.</summary>
internal sealed record Check(string What, string Predicted, string Observed)
{
    public bool Holds => Predicted == Observed;
}
