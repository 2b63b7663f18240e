using System.Globalization;
using SimLoop.Loop;
using SimLoop.Random;

namespace SimLoop.Scheduling;

/// <summary>
/// Probabilistic Concurrency Testing (Burckhardt et al., ASPLOS 2010), with simulated tasks as the threads: every
/// task gets a random priority when first seen; the ready continuation of the highest-priority task runs. There
/// are depth - 1 change points k_1 .. k_(d-1), each drawn uniformly over the expected number of task decisions
/// (measured by the FIFO probe run when exploring); at step k_i the task about to run drops to priority i, below
/// every initial priority. As in the paper the points are drawn independently, so which demoted task ends lowest
/// is random too, not tied to the order of the points in time. A bug that needs d ordering constraints is found
/// with probability at least 1 / (n * k^(d-1)) per run. Same-instant events are ordered randomly.
/// </summary>
internal sealed class PctStrategy(int depth, int expectedSteps, bool learnsSteps = false) : StepLearningStrategy(expectedSteps, learnsSteps)
{
    public int Depth { get; } = depth;

    public override string Name => "pct" + Depth.ToString(CultureInfo.InvariantCulture);

    internal override Scheduler CreateScheduler(ulong seed) => new PctScheduler(seed, Depth, ExpectedSteps);

    protected override Strategy WithSteps(int expectedSteps) => new PctStrategy(Depth, expectedSteps);

    private sealed class PctScheduler : Scheduler
    {
        private readonly ChangePoints _changePoints;
        private Xoshiro256StarStar _priorityDraws;
        private Xoshiro256StarStar _events;
        private long _steps;

        public PctScheduler(ulong seed, int depth, int expectedSteps)
            : base(seed)
        {
            _priorityDraws = new Xoshiro256StarStar(SeedStreams.Derive(seed, SeedStreams.Priorities));
            _events = new Xoshiro256StarStar(SeedStreams.Derive(seed, SeedStreams.SameInstantEvents));
            var points = new Xoshiro256StarStar(SeedStreams.Derive(seed, SeedStreams.ReadyOrder));
            _changePoints = ChangePoints.Draw(ref points, depth - 1, expectedSteps);
        }

        public override int PickReady(ReadyQueue ready)
        {
            var best = 0;
            var first = ready[0].Owner;
            var bestPriority = PriorityOf(first);
            var tasksCompete = false;
            for (var i = 1; i < ready.Count; i++)
            {
                var owner = ready[i].Owner;
                tasksCompete |= owner != first;
                var priority = PriorityOf(owner);
                if (priority > bestPriority)
                {
                    best = i;
                    bestPriority = priority;
                }
            }

            // Only a choice between tasks is a step of PCT: continuations of one task keep their order anyway, and
            // counting them would spread the change points over steps where they cannot change anything.
            if (tasksCompete)
            {
                // At a change point the chosen task drops below every initial priority, to the point's own rank.
                while (_changePoints.TryTake(_steps, out var lowered))
                {
                    ready[best].Owner.Priority = lowered;
                }

                _steps++;
            }

            return best;
        }

        public override int PickEvent(int count) => _events.NextInt(count);

        private long PriorityOf(SimTask task)
        {
            if (task.Priority == 0)
            {
                // Drawn when the task first competes: positive and (almost surely) distinct; ties keep insertion order.
                task.Priority = (long)(_priorityDraws.NextUInt64() >> 2) + 1;
            }

            return task.Priority;
        }
    }
}
