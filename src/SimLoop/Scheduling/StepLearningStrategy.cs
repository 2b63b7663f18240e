using System.Globalization;

namespace SimLoop.Scheduling;

/// <summary>
/// A strategy that spreads random points over the expected number of task decisions (PCT's change points, random
/// delays). Built from Strategy.Pct or Strategy.RandomDelays it learns that number: exploration's FIFO probe
/// measures it, and each iteration runs the same strategy over the measured count. The count is part of the
/// descriptor (pct3n21, delay2n21), so a replay token rebuilds the exact strategy without a probe.
/// </summary>
internal abstract class StepLearningStrategy(int expectedSteps, bool learnsSteps) : Strategy
{
    /// <summary>Used when nothing has measured the program (a single Sim.Run with Strategy.Pct or RandomDelays).</summary>
    public const int DefaultExpectedSteps = 100;

    public int ExpectedSteps { get; } = expectedSteps;

    /// <summary>True when exploration replaces ExpectedSteps with the measured decision count.</summary>
    public bool LearnsSteps { get; } = learnsSteps;

    internal override string Descriptor => Name + "n" + ExpectedSteps.ToString(CultureInfo.InvariantCulture);

    internal override bool NeedsMeasuredDecisions => LearnsSteps;

    internal override Strategy ForIteration(int iteration, ProgramShape shape) => LearnsSteps ? WithSteps(shape.Decisions) : this;

    /// <summary>The same strategy over <paramref name="expectedSteps"/> decisions, no longer learning.</summary>
    protected abstract Strategy WithSteps(int expectedSteps);
}
