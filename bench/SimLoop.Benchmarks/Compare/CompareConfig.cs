using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace SimLoop.Benchmarks.Compare;

/// <summary>
/// The BenchmarkDotNet configuration of <c>compare</c>: in-process (the numbers are read back from the summaries,
/// and the rewritten Coyote assembly is the one loaded), MemoryDiagnoser on, and a short job (quick) or a
/// regular one (full). Ratios are always between benchmarks of the same run, never against stored numbers.
/// </summary>
public static class CompareConfig
{
    /// <param name="heavy">Benchmarks whose single invocation takes seconds (1 M tasks): fewer iterations in full mode.</param>
    public static IConfig For(bool quick, bool heavy, Func<BenchmarkCase, bool> include)
    {
        // MinInvokeCount 1: BenchmarkDotNet otherwise invokes at least 4 times per iteration, which for a Coyote
        // run or a 1 M-task run (seconds each) multiplies the duration without adding information.
        var job = quick
            ? Job.Default.WithWarmupCount(1).WithIterationCount(3).WithIterationTime(TimeInterval.FromMilliseconds(100)).WithId("Quick")
            : heavy
                ? Job.Default.WithWarmupCount(1).WithIterationCount(5).WithId("CompareHeavy")
                : Job.Default.WithWarmupCount(3).WithIterationCount(12).WithIterationTime(TimeInterval.FromMilliseconds(250)).WithId("Compare");
        job = job.WithMinInvokeCount(1);
        return ManualConfig.Create(DefaultConfig.Instance)
            .AddJob(job.WithToolchain(InProcessEmitToolchain.Instance).WithUnrollFactor(1))
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddFilter(new SimpleFilter(include))
            .WithOptions(ConfigOptions.DisableLogFile);
    }
}
