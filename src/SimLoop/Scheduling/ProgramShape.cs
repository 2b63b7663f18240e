using SimLoop.Loop;

namespace SimLoop.Scheduling;

/// <summary>
/// What the FIFO probe run (iteration 0 of an exploration) measured: the task decisions (ready-queue decisions
/// with continuations of two or more tasks to choose from) and the tasks that competed in them. Every shard and
/// worker runs or reads the same probe, so anything derived from it is the same everywhere.
/// </summary>
internal readonly record struct ProgramShape(int Decisions, int Tasks)
{
    /// <summary>Before any measurement (a single Sim.Run): PCT's default step count and a few tasks.</summary>
    public static ProgramShape Unmeasured { get; } = new(StepLearningStrategy.DefaultExpectedSteps, 2);

    /// <summary>FIFO's order, counting what it passes through.</summary>
    internal sealed class Probe(ulong seed) : Scheduler(seed)
    {
        private readonly HashSet<int> _tasks = [];
        private int _decisions;

        public ProgramShape Shape => new(Math.Max(1, _decisions), Math.Max(2, _tasks.Count));

        public override int PickReady(ReadyQueue ready)
        {
            var first = ready[0].Owner;
            var compete = false;
            for (var i = 0; i < ready.Count; i++)
            {
                var owner = ready[i].Owner;
                compete |= owner != first;
                _tasks.Add(owner.Id);
            }

            if (compete)
            {
                _decisions++;
            }

            return 0;
        }

        public override int PickEvent(int count) => 0;
    }
}
