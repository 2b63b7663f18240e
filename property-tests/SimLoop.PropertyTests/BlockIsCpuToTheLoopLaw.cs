using FsCheck;
using SimLoop.PropertyTests.Support;
using SimLoop.PropertyTests.Workloads;

namespace SimLoop.PropertyTests;

/// <summary>
/// Law 3: to the loop, a blocking call is CPU work. Running a workload, then the same
/// workload with every Sim.Cpu turned into Sim.Block and vice versa, gives the same schedule and the same
/// numbers; only the label moves. Exactly identical: elapsed time, step count, trace hash (it covers step index,
/// start, task and ready reason, not section kinds), every step's start, end, task, reason and ready instant,
/// every section's start, duration and label, max loop lag, loop busy time, Jain index, the worker pool's
/// statistics and the slow steps' start, duration, task and label. Swapped: each task's CpuTime and BlockTime,
/// each section's kind and each slow step's kind. So the fairness table differs only in its cpu/block columns.
/// </summary>
public class BlockIsCpuToTheLoopLaw
{
    [FsCheck.NUnit.Property(MaxTest = 500, Arbitrary = [typeof(WorkloadArbitrary)])]
    public Property Swapping_cpu_and_block_swaps_only_the_kind(Workload workload)
    {
        var original = WorkloadRun.Of(workload).Result;
        var swapped = WorkloadRun.Of(workload.Map(Swap)).Result;
        var a = original.Fairness;
        var b = swapped.Fairness;

        return Expect.All(
            Expect.Equal("elapsed", swapped.Elapsed, original.Elapsed),
            Expect.Equal("steps", swapped.Steps, original.Steps),
            Expect.Equal("trace hash", swapped.Trace.Hash, original.Trace.Hash),
            Expect.Equal("trace (kinds swapped)", Describe(swapped.Trace, swap: true), Describe(original.Trace, swap: false)),
            Expect.Equal("max loop lag", b.MaxLoopLag, a.MaxLoopLag),
            Expect.Equal("loop busy", b.LoopBusy, a.LoopBusy),
            Expect.Equal("Jain index", b.JainIndex, a.JainIndex),
            Expect.Equal("worker pool", b.Workers, a.Workers),
            Expect.Equal("task stats (cpu and block swapped)",
                string.Join("; ", b.Tasks.Select(t => t with { CpuTime = t.BlockTime, BlockTime = t.CpuTime })),
                string.Join("; ", a.Tasks)),
            Expect.Equal("slow steps (kinds swapped)",
                string.Join("; ", b.SlowSteps.Select(s => s with { Kind = Swap(s.Kind) })),
                string.Join("; ", a.SlowSteps)));
    }

    private static OpKind Swap(OpKind kind) => kind switch
    {
        OpKind.Cpu => OpKind.Block,
        OpKind.Block => OpKind.Cpu,
        OpKind.MaybeCpu => OpKind.MaybeBlock,
        OpKind.MaybeBlock => OpKind.MaybeCpu,
        _ => kind,
    };

    private static SectionKind Swap(SectionKind kind) => kind == SectionKind.Cpu ? SectionKind.Block : SectionKind.Cpu;

    /// <summary>The trace as text, with section kinds optionally swapped, so one string comparison covers every step.</summary>
    private static string Describe(Trace trace, bool swap) => string.Join("\n", trace.Steps.Select(step =>
        $"{step.Index} {step.Task} {step.Reason} ready {Ms.Text(step.ReadyAt)} [{Ms.Text(step.Start)}, {Ms.Text(step.End)}) " +
        string.Join(", ", step.Sections.Select(s => $"{(swap ? Swap(s.Kind) : s.Kind)} {Ms.Text(s.Start)} +{Ms.Text(s.Duration)} {s.Label}"))));
}
