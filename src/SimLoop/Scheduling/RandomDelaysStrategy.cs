using System.Globalization;
using SimLoop.Loop;
using SimLoop.Random;

namespace SimLoop.Scheduling;

/// <summary>
/// Probabilistic delay bounding (as Coyote's delay-bounding strategy, after Emmi, Qadeer and Rakamarić, POPL 2011):
/// FIFO (asyncio's round robin) everywhere except at <c>bound</c> delay points drawn uniformly over the expected
/// number of task decisions. A delay skips the continuation at the head of the ready queue: at a point drawn j
/// times the continuation at index j runs instead (the cost model of <see cref="DelayBoundedStrategy"/>, whose
/// schedules with at most <c>bound</c> delays are exactly the ones this strategy samples). Same-instant events keep
/// creation order.
/// </summary>
internal sealed class RandomDelaysStrategy(int bound, int expectedSteps, bool learnsSteps = false) : StepLearningStrategy(expectedSteps, learnsSteps)
{
    public int Bound { get; } = bound;

    public override string Name => "delay" + Bound.ToString(CultureInfo.InvariantCulture);

    internal override Scheduler CreateScheduler(ulong seed) => new DelayScheduler(seed, Bound, ExpectedSteps);

    protected override Strategy WithSteps(int expectedSteps) => new RandomDelaysStrategy(Bound, expectedSteps);

    private sealed class DelayScheduler : Scheduler
    {
        private readonly long[] _points;
        private int _next;
        private long _steps;

        public DelayScheduler(ulong seed, int bound, int expectedSteps)
            : base(seed)
        {
            var draws = new Xoshiro256StarStar(SeedStreams.Derive(seed, SeedStreams.ReadyOrder));
            _points = new long[bound];
            for (var i = 0; i < bound; i++)
            {
                _points[i] = draws.NextInt(Math.Max(1, expectedSteps));
            }

            Array.Sort(_points);
        }

        public override int PickReady(ReadyQueue ready)
        {
            if (_next == _points.Length || !TasksCompete(ready))
            {
                return 0;
            }

            var delays = 0;
            while (_next < _points.Length && _points[_next] <= _steps)
            {
                _next++;
                delays++;
            }

            _steps++;
            return Math.Min(delays, ready.Count - 1);
        }

        public override int PickEvent(int count) => 0;

        /// <summary>Counted like PCT's steps and the probe's decisions: only a choice between two tasks.</summary>
        private static bool TasksCompete(ReadyQueue ready)
        {
            var first = ready[0].Owner;
            for (var i = 1; i < ready.Count; i++)
            {
                if (ready[i].Owner != first)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
