using System.Globalization;
using System.Text;

namespace SimLoop;

/// <summary>
/// Settings of one simulated run. Immutable; validated once when the run starts, with every problem listed in a
/// single <see cref="ArgumentException"/>.
/// </summary>
public record SimOptions
{
    /// <summary>The epoch of virtual time, 2000-01-01T00:00:00Z: a date nobody mistakes for "now".</summary>
    public static readonly DateTimeOffset DefaultStartTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly ulong _seed;

    /// <summary>The run's seed: every decision of the strategy and every Sim.Chance/Choose derives from it.</summary>
    public ulong Seed
    {
        get => _seed;
        init
        {
            _seed = value;
            HasExplicitSeed = true;
        }
    }

    /// <summary>Who resolves the loop's choices. <see cref="Strategy.Fifo"/> (asyncio's order) unless set.</summary>
    public Strategy Strategy { get; init; } = Strategy.Fifo;

    /// <summary>
    /// Whose schedule the loop reproduces: <see cref="LoopModel.Default"/> (unless set) or <see cref="LoopModel.Asyncio"/>
    /// (CPython's asyncio exactly: batches and two-hop timer wake-ups). A replay token does not record the model: replay
    /// with the same LoopModel (a failure message in the asyncio model says so in its replay line).
    /// </summary>
    public LoopModel LoopModel { get; init; } = LoopModel.Default;

    /// <summary>Measurement only: runs the asyncio pump with some of asyncio's traits switched off (see AsyncioTraits).</summary>
    internal Loop.AsyncioTraits? AsyncioTraits { get; init; }

    /// <summary>The virtual instant the run starts at.</summary>
    public DateTimeOffset StartTime { get; init; } = DefaultStartTime;

    /// <summary>A run that needs more steps than this fails with <see cref="FailureKind.StepLimit"/> (a livelock or a busy loop).</summary>
    public long MaxSteps { get; init; } = 1_000_000;

    /// <summary>A run whose virtual clock would pass this fails with <see cref="FailureKind.TimeLimit"/>.</summary>
    public TimeSpan MaxVirtualTime { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Workers of the simulated pool behind Sim.ToThread. A fixed default, never the machine's core count.</summary>
    public int WorkerThreads { get; init; } = 4;

    /// <summary>A step whose Cpu + Block cost reaches this is listed in <see cref="FairnessReport.SlowSteps"/> (asyncio's debug-mode default).</summary>
    public TimeSpan SlowStepThreshold { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// A bound on the run's loop lag (<see cref="FairnessReport.MaxLoopLag"/>): a run whose final fairness report,
    /// cleanup included, has a larger one fails with <see cref="FailureKind.FairnessViolation"/>. Null: no bound.
    /// In an exploration every iteration is checked, so the bound must hold in every schedule explored.
    /// </summary>
    public TimeSpan? MaxLoopLag { get; init; }

    /// <summary>
    /// A bound on every task's <see cref="TaskStats.MaxSchedulingDelay"/> (how long a ready step waited for the
    /// loop), checked like <see cref="MaxLoopLag"/>. Null: no bound.
    /// </summary>
    public TimeSpan? MaxSchedulingDelay { get; init; }

    /// <summary>
    /// Fail the run (<see cref="FailureKind.FairnessViolation"/>) when any step held the loop for
    /// <see cref="SlowStepThreshold"/> or longer, checked like <see cref="MaxLoopLag"/>.
    /// </summary>
    public bool FailOnSlowSteps { get; init; }

    /// <summary>A replay token from a failure message: reproduces that run exactly (strategy, seed and decisions).</summary>
    public string? Replay { get; init; }

    /// <summary>Keep every step in <see cref="SimResult.Trace"/> (the last steps are always kept). Costs memory per step.</summary>
    public bool RecordTrace { get; init; }

    /// <summary>
    /// Real time one step may run before the watchdog fails the run with <see cref="FailureKind.Hang"/> (a step
    /// that sleeps or spins without awaiting). <see cref="Timeout.InfiniteTimeSpan"/> turns the watchdog off.
    /// </summary>
    public TimeSpan WatchdogTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Report simulation code that runs on a real thread (<see cref="FailureKind.UncontrolledConcurrency"/>). On by
    /// default; turning it off only makes sense for measuring its cost.
    /// </summary>
    public bool DetectEscapes { get; init; } = true;

    /// <summary>
    /// Strict mode: fail the run (<see cref="FailureKind.UncontrolledConcurrency"/>) at the step that queues work to the
    /// thread pool, instead of running that work as a step of the loop. For code that must never leave the loop.
    /// </summary>
    public bool RejectThreadPoolWork { get; init; }

    /// <summary>True when <see cref="Seed"/> was set explicitly (exploration draws a fresh one otherwise).</summary>
    internal bool HasExplicitSeed { get; private init; }

    /// <summary>Throws one <see cref="ArgumentException"/> listing every invalid setting.</summary>
    internal void Validate()
    {
        var problems = new List<string>();
        CollectProblems(problems);
        if (problems.Count == 0)
        {
            return;
        }

        var message = new StringBuilder();
        message.Append(CultureInfo.InvariantCulture, $"{GetType().Name} is invalid ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}):");
        foreach (var problem in problems)
        {
            message.Append("\n  - ").Append(problem);
        }

        throw new ArgumentException(message.ToString());
    }

    /// <summary>Adds one sentence per invalid setting; derived options add theirs.</summary>
    private protected virtual void CollectProblems(List<string> problems)
    {
        if (Strategy is null)
        {
            problems.Add("Strategy is null; use Strategy.Fifo (the default) or another Strategy.");
        }

        if (!Enum.IsDefined(LoopModel))
        {
            problems.Add(Invariant($"LoopModel is {(int)LoopModel}, which is not a loop model; use LoopModel.Default or LoopModel.Asyncio."));
        }

        if (MaxSteps <= 0)
        {
            problems.Add(Invariant($"MaxSteps must be positive, but was {MaxSteps}."));
        }

        if (MaxVirtualTime <= TimeSpan.Zero)
        {
            problems.Add(Invariant($"MaxVirtualTime must be positive, but was {MaxVirtualTime}."));
        }

        if (WorkerThreads <= 0)
        {
            problems.Add(Invariant($"WorkerThreads must be at least 1, but was {WorkerThreads}."));
        }

        if (SlowStepThreshold <= TimeSpan.Zero)
        {
            problems.Add(Invariant($"SlowStepThreshold must be positive, but was {SlowStepThreshold}."));
        }

        if (MaxLoopLag < TimeSpan.Zero)
        {
            problems.Add(Invariant($"MaxLoopLag must not be negative, but was {MaxLoopLag}."));
        }

        if (MaxSchedulingDelay < TimeSpan.Zero)
        {
            problems.Add(Invariant($"MaxSchedulingDelay must not be negative, but was {MaxSchedulingDelay}."));
        }

        if (WatchdogTimeout <= TimeSpan.Zero && WatchdogTimeout != Timeout.InfiniteTimeSpan)
        {
            problems.Add(Invariant($"WatchdogTimeout must be positive or Timeout.InfiniteTimeSpan, but was {WatchdogTimeout}."));
        }

        if (StartTime.Offset != TimeSpan.Zero)
        {
            problems.Add(Invariant($"StartTime must be UTC (offset 00:00), but was {StartTime:O}."));
        }
    }

    private protected static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
