using BenchmarkDotNet.Attributes;
using Mono.Cecil;
using SimLoop.Rewriter;

namespace SimLoop.Benchmarks.Overheads;

/// <summary>
/// What the build-time rewriting costs per assembly: BenchmarkDotNet.dll (about 1.2 MB, full of clock reads) is
/// copied and rewritten, against the copy alone in the same run. SimLoop.Rewriter never touches it in a real build
/// (test infrastructure is excluded); it is here only as a large assembly with many call sites.
/// </summary>
[MemoryDiagnoser]
public class RewriteBenchmarks
{
    private readonly string _source = typeof(BenchmarkDotNet.Running.BenchmarkRunner).Assembly.Location;
    private readonly string _copy = Path.Combine(Path.GetTempPath(), $"simloop-rewrite-bench-{Environment.ProcessId}.dll");
    private ModuleDefinition? _simLoop;

    [GlobalSetup]
    public void Setup() => _simLoop = ModuleDefinition.ReadModule(typeof(Sim).Assembly.Location, new ReaderParameters { InMemory = true });

    [GlobalCleanup]
    public void Cleanup()
    {
        _simLoop?.Dispose();
        File.Delete(_copy);
    }

    [Benchmark(Baseline = true)]
    public long Copy_only()
    {
        File.Copy(_source, _copy, overwrite: true);
        return new FileInfo(_copy).Length;
    }

    [Benchmark]
    public int Copy_and_rewrite()
    {
        File.Copy(_source, _copy, overwrite: true);
        return new AssemblyRewriter(_simLoop!).Rewrite(_copy);
    }
}
