using BenchmarkDotNet.Reports;

namespace SimLoop.Benchmarks.Compare;

/// <summary>The per-operation results of BenchmarkDotNet runs, by "Class.Method".</summary>
public sealed class Measurements
{
    private readonly Dictionary<string, Measurement> _byName = new(StringComparer.Ordinal);

    public sealed record Measurement(double MeanNs, double StdDevNs, long? BytesPerOp, double Gen0Per1000, double Gen1Per1000, double Gen2Per1000);

    public List<string> Failures { get; } = [];

    public void Add(Summary summary)
    {
        foreach (var report in summary.Reports)
        {
            var name = NameOf(report.BenchmarkCase);
            if (!report.Success || report.ResultStatistics is null)
            {
                Failures.Add(name);
                continue;
            }

            var gc = report.GcStats;
            var ops = Math.Max(1, gc.TotalOperations);
            _byName[name] = new Measurement(
                report.ResultStatistics.Mean,
                report.ResultStatistics.StandardDeviation,
                gc.GetBytesAllocatedPerOperation(report.BenchmarkCase),
                gc.Gen0Collections * 1000.0 / ops,
                gc.Gen1Collections * 1000.0 / ops,
                gc.Gen2Collections * 1000.0 / ops);
        }

        if (summary.HasCriticalValidationErrors)
        {
            Failures.Add(summary.Title + " (validation errors)");
        }
    }

    /// <summary>"Class.Method", with "[Name=value]" per parameter: "ScaleBenchmarks.Sleeping[Tasks=1000]".</summary>
    public static string NameOf(BenchmarkDotNet.Running.BenchmarkCase c) =>
        c.Descriptor.Type.Name + "." + c.Descriptor.WorkloadMethod.Name
        + string.Concat(c.Parameters.Items.Select(p => $"[{p.Name}={p.Value}]"));

    /// <summary>The measurement, or NaN everywhere when the benchmark did not run (its failure is listed).</summary>
    public Measurement this[string name] =>
        _byName.TryGetValue(name, out var m) ? m : new Measurement(double.NaN, double.NaN, null, double.NaN, double.NaN, double.NaN);

    public double Mean(string name) => this[name].MeanNs;

    public double Bytes(string name) => this[name].BytesPerOp is { } b ? b : double.NaN;
}
