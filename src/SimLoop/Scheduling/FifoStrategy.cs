using SimLoop.Loop;

namespace SimLoop.Scheduling;

/// <summary>asyncio's order: always the oldest ready continuation, same-instant events in creation order.</summary>
internal sealed class FifoStrategy : Strategy
{
    public override string Name => "fifo";

    internal override Scheduler CreateScheduler(ulong seed) => new FifoScheduler(seed);

    private sealed class FifoScheduler(ulong seed) : Scheduler(seed)
    {
        public override int PickReady(ReadyQueue ready) => 0;

        public override int PickEvent(int count) => 0;
    }
}
