using System.Globalization;
using SimLoop.Loop;
using SimLoop.Random;

namespace SimLoop.Scheduling;

/// <summary>
/// Probabilistic Concurrency Testing (Burckhardt et al., ASPLOS 2010), with simulated tasks as the threads: every
/// task gets a random priority when first seen; the ready continuation of the highest-priority task runs; at
/// depth - 1 change points, drawn uniformly over the expected number of scheduling decisions (measured by a
/// probe run of the program when exploring), the task about to run drops
/// below every other. A bug that needs d ordering constraints is found with probability at least
/// 1 / (n * k^(d-1)) per run. Same-instant events are ordered randomly.
/// </summary>
internal sealed class PctStrategy : Strategy
{
    public PctStrategy(int depth, int expectedSteps, bool learnsSteps = false)
    {
        Depth = depth;
        ExpectedSteps = expectedSteps;
        LearnsSteps = learnsSteps;
    }

    /// <summary>True for Strategy.Pct(depth): exploration replaces ExpectedSteps with the measured decision count.</summary>
    public bool LearnsSteps { get; }

    /// <summary>Used when nothing has measured the program (a single Sim.Run with Strategy.Pct).</summary>
    public const int DefaultExpectedSteps = 100;

    public int Depth { get; }

    public int ExpectedSteps { get; }

    public override string Name => "pct" + Depth.ToString(CultureInfo.InvariantCulture);

    internal override string Descriptor => Name + "n" + ExpectedSteps.ToString(CultureInfo.InvariantCulture);

    internal override Scheduler CreateScheduler(ulong seed) => new PctScheduler(seed, Depth, ExpectedSteps);

    internal override bool NeedsMeasuredDecisions => LearnsSteps;

    internal override Strategy ForIteration(int iteration, int measuredDecisions) =>
        LearnsSteps ? new PctStrategy(Depth, Math.Max(1, measuredDecisions)) : this;

    private sealed class PctScheduler : Scheduler
    {
        private readonly long[] _changePoints;
        private Xoshiro256StarStar _priorityDraws;
        private Xoshiro256StarStar _events;
        private long _steps;
        private int _changesMade;

        public PctScheduler(ulong seed, int depth, int expectedSteps)
            : base(seed)
        {
            _priorityDraws = new Xoshiro256StarStar(SeedStreams.Derive(seed, SeedStreams.Priorities));
            _events = new Xoshiro256StarStar(SeedStreams.Derive(seed, SeedStreams.SameInstantEvents));
            var points = new Xoshiro256StarStar(SeedStreams.Derive(seed, SeedStreams.ReadyOrder));
            _changePoints = new long[Math.Max(0, depth - 1)];
            for (var i = 0; i < _changePoints.Length; i++)
            {
                _changePoints[i] = points.NextInt(Math.Max(1, expectedSteps));
            }

            Array.Sort(_changePoints);
        }

        public override int PickReady(ReadyQueue ready)
        {
            var best = 0;
            var bestPriority = PriorityOf(ready[0].Owner);
            for (var i = 1; i < ready.Count; i++)
            {
                var priority = PriorityOf(ready[i].Owner);
                if (priority > bestPriority)
                {
                    best = i;
                    bestPriority = priority;
                }
            }

            // At a change point the chosen task drops below every initial priority (later change points drop lower still).
            while (_changesMade < _changePoints.Length && _changePoints[_changesMade] <= _steps)
            {
                _changesMade++;
                ready[best].Owner.Priority = -_changesMade;
            }

            _steps++;
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
