using System.Globalization;
using System.Text;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace SimLoop.Benchmarks.Timeline;

/// <summary>
/// The UTF-8 size of the file each <see cref="TimelineBenchmarks"/> method writes, computed once per method from
/// the same run (the output is deterministic, so one computation is the measurement).
/// </summary>
public sealed class FileSizeColumn : IColumn
{
    public string Id => nameof(FileSizeColumn);

    public string ColumnName => "File size";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Size;

    public string Legend => "UTF-8 size of the written file (Chrome JSON or HTML page) for the same run";

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var run = TimelineWorkload.Run(TimelineWorkload.Steps);
        var text = benchmarkCase.Descriptor.WorkloadMethod.Name == nameof(TimelineBenchmarks.Html_timeline) ? run.ToHtmlTimeline() : run.Trace.ToChromeJson();
        var bytes = Encoding.UTF8.GetByteCount(text);
        return (bytes / 1024.0 / 1024.0).ToString("0.00", CultureInfo.InvariantCulture) + " MiB (" + run.Steps.ToString("N0", CultureInfo.InvariantCulture) + " steps)";
    }

    /// <summary>Adds the column to the default summary.</summary>
    public sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new FileSizeColumn());
    }
}
