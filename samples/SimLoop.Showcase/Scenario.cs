namespace SimLoop.Showcase;

/// <summary>One rule of cooperative scheduling on a single-threaded loop (asyncio's), demonstrated on the simulated loop.</summary>
internal abstract class Scenario
{
    /// <summary>Short file-friendly name, also the trace file's name.</summary>
    public abstract string Id { get; }

    public abstract string Title { get; }

    /// <summary>Runs the scenario, writes its trace file into <paramref name="traceDirectory"/>, and returns its report.</summary>
    public abstract ScenarioReport Run(string traceDirectory);

    /// <summary>Writes the run's trace as Chrome/Perfetto JSON named after the scenario; returns the path.</summary>
    protected string WriteTrace(SimResult result, string traceDirectory) => WriteTrace(result.Trace, traceDirectory);

    protected string WriteTrace(Trace trace, string traceDirectory)
    {
        var path = Path.Combine(traceDirectory, Id + ".json");
        trace.WriteChromeJson(path);
        return path;
    }
}

/// <summary>What a scenario prints: predictions next to observations, the fairness table, the trace file.</summary>
internal sealed record ScenarioReport(IReadOnlyList<Check> Checks, string Details, string? TracePath)
{
    public bool AllHold => Checks.All(c => c.Holds);
}

/// <summary>A predicted value next to the observed one.</summary>
internal sealed record Check(string What, string Predicted, string Observed)
{
    public bool Holds => Predicted == Observed;
}
