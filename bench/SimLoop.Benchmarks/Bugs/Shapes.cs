using SimLoop.Loop;
using SimLoop.Scheduling;

namespace SimLoop.Benchmarks.Bugs;

/// <summary>What the FIFO probe measures of a benchmark (task decisions, competing tasks), and whether the FIFO order itself fails.</summary>
internal static class Shapes
{
    public static ProgramShape Of(Func<Task> test) => Probe(test).Shape;

    public static (ProgramShape Shape, bool FifoFails) Probe(Func<Task> test)
    {
        var probe = new ProgramShape.Probe(0);
        var loop = EventLoop.Execute(test, new SimOptions(), new RunPlan(0, Strategy.Fifo) { Scheduler = probe });
        return (probe.Shape, loop.PendingFailure is not null);
    }
}
