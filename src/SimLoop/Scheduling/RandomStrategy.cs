using SimLoop.Loop;
using SimLoop.Random;

namespace SimLoop.Scheduling;

/// <summary>Uniform over the ready continuations at every step, and over the order of same-instant events.</summary>
internal sealed class RandomStrategy : Strategy
{
    public override string Name => "random";

    internal override Scheduler CreateScheduler(ulong seed) => new RandomScheduler(seed);

    private sealed class RandomScheduler(ulong seed) : Scheduler(seed)
    {
        private Xoshiro256StarStar _ready = new(SeedStreams.Derive(seed, SeedStreams.ReadyOrder));
        private Xoshiro256StarStar _events = new(SeedStreams.Derive(seed, SeedStreams.SameInstantEvents));

        public override int PickReady(ReadyQueue ready) => _ready.NextInt(ready.Count);

        public override int PickEvent(int count) => _events.NextInt(count);
    }
}
