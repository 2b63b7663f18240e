using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace SimLoop.Benchmarks.Scale;

/// <summary>Columns that turn a run's Mean into a per-step cost and compare it with the smallest N of the same method.</summary>
public static class ScaleColumns
{
    public sealed class Config : ManualConfig
    {
        public Config()
        {
            AddColumn(new PerStep("ns/step", (ns, _) => ns.ToString("0.0", CultureInfo.InvariantCulture)));
            AddColumn(new PerStep("steps/s", (ns, _) => (1e9 / ns).ToString("N0", CultureInfo.InvariantCulture)));
            AddColumn(new PerStep("vs smallest N", (ns, smallest) => (smallest / ns).ToString("0.00", CultureInfo.InvariantCulture) + "x"));
        }
    }

    /// <summary>Nanoseconds per step of a case, or NaN when it did not run.</summary>
    public static double NsPerStep(Summary summary, BenchmarkCase benchmarkCase) =>
        summary[benchmarkCase]?.ResultStatistics is { } stats
            ? stats.Mean / ScaleBenchmarks.StepsFor((int)benchmarkCase.Parameters["Tasks"])
            : double.NaN;

    private sealed class PerStep(string name, Func<double, double, string> format) : IColumn
    {
        public string Id => nameof(PerStep) + name;

        public string ColumnName => name;

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => name switch
        {
            "vs smallest N" => "Steps per second relative to the same method with the fewest tasks (1.00x: no slower per step)",
            _ => name + " of the run (the Mean divided by the run's steps)",
        };

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
        {
            var ns = NsPerStep(summary, benchmarkCase);
            var smallest = summary.BenchmarksCases
                .Where(c => c.Descriptor.WorkloadMethod == benchmarkCase.Descriptor.WorkloadMethod)
                .OrderBy(c => (int)c.Parameters["Tasks"])
                .Select(c => NsPerStep(summary, c))
                .FirstOrDefault(double.NaN);
            return double.IsNaN(ns) ? "NA" : format(ns, smallest);
        }

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}
