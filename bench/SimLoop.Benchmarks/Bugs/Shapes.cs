using SimLoop.Loop;
using SimLoop.Scheduling;

namespace SimLoop.Benchmarks.Bugs;

/// <summary>What the FIFO probe measures of a benchmark (task decisions, competing tasks): the table's shape column.</summary>
internal static class Shapes
{
    public static ProgramShape Of(Func<Task> test)
    {
        var probe = new ProgramShape.Probe(0);
        EventLoop.Execute(test, new SimOptions(), new RunPlan(0, Strategy.Fifo) { Scheduler = probe });
        return probe.Shape;
    }
}
