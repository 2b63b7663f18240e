using BenchmarkDotNet.Attributes;

namespace SimLoop.Benchmarks.Timeline;

/// <summary>
/// Writing the HTML timeline of a run of about 100 k steps (<see cref="TimelineWorkload"/>), against writing the
/// same trace as Chrome JSON (the baseline): time, allocations, and the size of each file (column "File size").
/// How long a browser takes to open the page is measured with headless chromium (docs/performance.md).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(FileSizeColumn.Config))]
public class TimelineBenchmarks
{
    private SimResult _run = null!;

    [GlobalSetup]
    public void Setup() => _run = TimelineWorkload.Run(TimelineWorkload.Steps);

    [Benchmark(Baseline = true)]
    public string Chrome_json() => _run.Trace.ToChromeJson();

    [Benchmark]
    public string Html_timeline() => _run.ToHtmlTimeline();
}
