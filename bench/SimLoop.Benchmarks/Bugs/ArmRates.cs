using System.Collections.Concurrent;
using SimLoop.Loop;
using SimLoop.Random;
using SimLoop.Scheduling;

namespace SimLoop.Benchmarks.Bugs;

/// <summary>
/// Per-run bug probability of each concrete strategy (an "arm": random, pct20n794, delay2n21, ...) on one program,
/// measured over many independent seeds. Iterations of an exploration are independent runs, so a strategy whose
/// iteration i runs arm a(i) finds the bug at iteration i with probability p(a(i)) given it has not yet: the
/// expected iterations to the first bug are sum over i of prod over j &lt; i of (1 - p(a(j))). That expectation is
/// what the 20-seed means of the bugs command estimate, without their noise (a mean of 20 geometric draws is off
/// by about 1/sqrt(20), 22 %, of itself), so portfolios can be compared exactly on it.
/// </summary>
internal sealed class ArmRates
{
    private readonly ConcurrentDictionary<string, Rate> _rates = new();
    private readonly Func<Task> _test;
    private readonly int _runs;

    public ArmRates(Func<Task> test, int runs)
    {
        (_test, _runs) = (test, runs);
        (Shape, FifoFails) = Shapes.Probe(test);
    }

    /// <summary>Bug probability per run and share of distinct schedules (trace hashes) among the runs.</summary>
    public sealed record Rate(double Bug, double Distinct);

    public ProgramShape Shape { get; }

    /// <summary>True when the FIFO order itself fails (iteration 0 of the probing strategies), seen by the probe run.</summary>
    public bool FifoFails { get; }

    public Rate Of(Strategy arm) => _rates.GetOrAdd(arm.Descriptor, _ => Measure(arm));

    /// <summary>
    /// Expected iterations to the first bug of a strategy whose iteration i runs <paramref name="armAt"/>(i), within
    /// <paramref name="budget"/> iterations, a miss counting as the budget (the bugs command's MeanAll).
    /// </summary>
    public double Expected(Func<int, Strategy> armAt, int budget)
    {
        double expected = 0, unfound = 1;
        for (var i = 0; i < budget && unfound > 1e-12; i++)
        {
            expected += unfound;
            unfound *= 1 - Of(armAt(i)).Bug;
        }

        return expected;
    }

    /// <summary>
    /// Runs the arm on seeds 1, 2, ... (the same seeds for every arm): <c>runs</c> of them, and more while fewer
    /// than <see cref="EnoughHits"/> failed, up to 20 times as many, so a rare bug's rate is not one or two hits.
    /// </summary>
    private Rate Measure(Strategy arm)
    {
        if (arm is FifoStrategy)
        {
            // One schedule, already run by the probe.
            return new Rate(FifoFails ? 1 : 0, 1);
        }

        var failed = 0;
        var done = 0;
        var hashes = new ConcurrentDictionary<ulong, byte>();
        while (done == 0 || (failed < EnoughHits && done < 20 * _runs))
        {
            var from = done;
            Parallel.For(from + 1, from + _runs + 1, i =>
            {
                var loop = EventLoop.Execute(_test, new SimOptions(), new RunPlan(SplitMix64.At(0x5EED, (ulong)i), arm, Iteration: i));
                hashes.TryAdd(loop.TraceHash, 0);
                if (loop.PendingFailure is not null)
                {
                    Interlocked.Increment(ref failed);
                }
            });
            done += _runs;
        }

        return new Rate((double)failed / done, (double)hashes.Count / done);
    }

    private const int EnoughHits = 40;
}
