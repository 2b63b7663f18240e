using System.Globalization;
using SimLoop.Exploration;
using SimLoop.Tracing;

namespace SimLoop;

/// <summary>What an exploration found: how much of the schedule space it ran, and its first failure if any.</summary>
public sealed class ExplorationResult
{
    internal ExplorationResult(
        int iterations,
        int distinctSchedules,
        IReadOnlyList<SimFailure> failures,
        TimeSpan elapsed,
        TimeSpan virtualTime,
        ulong baseSeed,
        string strategy,
        ShardSpec shard,
        bool spaceExhausted,
        int determinismChecks)
    {
        Iterations = iterations;
        DistinctSchedules = distinctSchedules;
        Failures = failures;
        Elapsed = elapsed;
        VirtualTime = virtualTime;
        BaseSeed = baseSeed;
        Strategy = strategy;
        Shard = shard;
        SpaceExhausted = spaceExhausted;
        DeterminismChecks = determinismChecks;
    }

    /// <summary>Iterations run: all of this shard's, or those up to and including the first failure.</summary>
    public int Iterations { get; }

    /// <summary>
    /// Distinct schedules among them: distinct orders of steps (trace hashes). A systematic search (Exhaustive,
    /// DelayBounded) never runs a decision sequence twice, yet two sequences can give the same order of steps: a
    /// Sim.Chance or Sim.Choose draw that changed no step, or two timers due at the same instant whose firing order
    /// the next pick among the ready tasks reorders anyway. Their runs count once here.
    /// </summary>
    public int DistinctSchedules { get; }

    /// <summary>The first failure by iteration index (shrunk when shrinking is on), or null.</summary>
    public SimFailure? Failure => Failures.Count == 0 ? null : Failures[0];

    /// <summary>Every distinct failure found (just the first when StopOnFirstFailure is on).</summary>
    public IReadOnlyList<SimFailure> Failures { get; }

    /// <summary>Real time the exploration took.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Virtual time covered by all iterations together.</summary>
    public TimeSpan VirtualTime { get; }

    /// <summary>The base seed every iteration's seed derives from: rerun the same exploration with SIMLOOP_SEED set to it.</summary>
    public ulong BaseSeed { get; }

    /// <summary>The strategy's name.</summary>
    public string Strategy { get; }

    /// <summary>The slice of the iteration space this process ran.</summary>
    public ShardSpec Shard { get; }

    /// <summary>Exhaustive search only: true when every schedule of the program was run.</summary>
    public bool SpaceExhausted { get; }

    /// <summary>
    /// Delay bounding (<see cref="SimLoop.Strategy.DelayBounded"/>) and preemption bounding
    /// (<see cref="SimLoop.Strategy.PreemptionBounded"/>) only: the highest bound, in delays or in preemptions, all of
    /// whose schedules were run (0 is the FIFO or the non-preemptive schedule alone), or null when not even bound 0 completed.
    /// </summary>
    public int? CompletedDelayBound { get; internal init; }

    /// <summary>What <see cref="CompletedDelayBound"/> counts: "delays" or "preemptions".</summary>
    internal string BoundUnit { get; init; } = "delays";

    /// <summary>Iterations rerun to check that the same seed gives the same schedule.</summary>
    public int DeterminismChecks { get; }

    /// <summary>One line for test output: strategy, base seed, iterations, distinct schedules, virtual time.</summary>
    public string Summary => string.Create(CultureInfo.InvariantCulture,
        $"SimLoop: strategy {Strategy}, base seed {TimeFormat.Hex(BaseSeed)}, {Iterations} iterations{(Systematic ? " (each a different decision sequence)" : "")}{(Shard.Count > 1 ? $" (shard {Shard})" : "")}, " +
        $"{DistinctSchedules} distinct schedules{(SpaceExhausted ? " (the whole space)" : "")}{(CompletedDelayBound is { } bound ? $" (every schedule with at most {bound} {BoundUnit})" : "")}, {TimeFormat.Duration(VirtualTime)} of virtual time, " +
        $"{(Failure is null ? "no failure" : $"FAILED at iteration {Failure.Iteration} ({Failure.Kind})")}.");

    /// <summary>True for a systematic search (Exhaustive, DelayBounded, PreemptionBounded): no decision sequence ran twice.</summary>
    internal bool Systematic { get; init; }

    /// <summary>Throws the first failure as a <see cref="SimulationFailedException"/>; does nothing when every iteration passed.</summary>
    public void ThrowIfFailed()
    {
        if (Failure is { } failure)
        {
            throw new SimulationFailedException(failure);
        }
    }

    /// <inheritdoc />
    public override string ToString() => Summary;
}
