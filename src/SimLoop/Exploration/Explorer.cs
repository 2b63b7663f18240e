using SimLoop.Diagnostics;
using SimLoop.Loop;
using SimLoop.Random;
using SimLoop.Scheduling;

namespace SimLoop.Exploration;

/// <summary>
/// Runs many iterations of one test, each a fresh loop with its own seed (SplitMix64 of the base seed and the
/// iteration index) and its own concrete strategy, on worker threads; then analyses the first failure (checks it
/// reproduces, shrinks it). Everything an iteration does depends only on (base seed, index), so the outcome is
/// the same for any Parallelism and any sharding.
/// </summary>
internal sealed partial class Explorer
{
    private readonly Func<Task> _test;
    private readonly ExploreOptions _options;
    private readonly SimOptions _runOptions;
    private readonly ulong _baseSeed;
    private readonly ShardSpec _shard;
    private readonly int _slotCount;
    private readonly IterationLedger _ledger = new();
    private readonly Lock _lock = new();
    private readonly List<FailedRun> _failedRuns = [];
    private readonly SystematicSearch? _search;
    private ProgramShape _shape = ProgramShape.Unmeasured;

    private Explorer(Func<Task> test, ExploreOptions options, ulong baseSeed, ShardSpec shard)
    {
        _test = test;
        _options = options;
        _baseSeed = baseSeed;
        _shard = shard;
        _search = options.Strategy.CreateSearch();

        // Iterations run untraced (fast); a failing one is rerun with its full trace.
        _runOptions = options with { RecordTrace = false, Replay = null };
        // This shard's iterations are Index, Index + Count, Index + 2 Count, ...: slot s is iteration IterationOf(s).
        _slotCount = options.Iterations <= shard.Index ? 0 : ((options.Iterations - shard.Index - 1) / shard.Count) + 1;
    }

    public static ExplorationResult Run(Func<Task> test, ExploreOptions options)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (Sim.IsRunning)
        {
            throw new InvalidOperationException(
                "Sim.Explore was called inside a running simulation. An exploration runs many simulations of its own; call it from ordinary code (a test method), not from inside Sim.Run.");
        }

        var baseSeed = options.HasExplicitSeed ? options.Seed : SeedFromEnvironment() ?? SeedText.Fresh();
        var shard = options.Shard is { } text ? ShardSpec.Parse(text, "ExploreOptions.Shard") : ShardSpec.FromEnvironment() ?? ShardSpec.All;
        if (shard.Count > 1 && options.Strategy.IsSequentialOnly)
        {
            throw new ArgumentException(
                $"{options.Strategy switch { DelayBoundedStrategy => "Delay bounding", PreemptionBoundedStrategy => "Preemption bounding", _ => "Exhaustive search" }} cannot be sharded (shard {shard}): each schedule it runs depends on the one before. Run it unsharded, or shard a Random/PCT/Portfolio exploration.");
        }

        var explorer = new Explorer(test, options, baseSeed, shard);
        return options.Replay is { } token ? explorer.ReplayOnce(token) : explorer.Explore();
    }

    private static ulong? SeedFromEnvironment()
    {
        var text = Environment.GetEnvironmentVariable("SIMLOOP_SEED");
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return SeedText.TryParse(text, out var seed)
            ? seed
            : throw new ArgumentException($"SIMLOOP_SEED is '{text}', which is not a seed: write it in hex (0x2A) or decimal (42), as SimLoop prints it.");
    }

    private int IterationOf(int slot) => _shard.Index + (slot * _shard.Count);

    /// <summary>
    /// For PCT, random delays and the portfolio, iteration 0 is the FIFO (asyncio) order run by a probe that
    /// measures the program's shape (task decisions, tasks) the later iterations spread their change points over.
    /// Strategies that need no measurement (Random, Fifo) use their own choice from iteration 0.
    /// </summary>
    private RunPlan PlanFor(int iteration)
    {
        var seed = SplitMix64.At(_baseSeed, (ulong)iteration);
        return iteration == 0 && _options.Strategy.NeedsMeasuredDecisions
            ? new RunPlan(seed, Strategy.Fifo, Iteration: 0) { Scheduler = new ProgramShape.Probe(seed) }
            : new RunPlan(seed, _options.Strategy.ForIteration(iteration, _shape), Iteration: iteration);
    }

    /// <summary>What the probe of a FIFO iteration 0 measured, or the shape known so far for any other run.</summary>
    private ProgramShape ShapeOf(RunPlan plan) => plan.Scheduler is ProgramShape.Probe probe ? probe.Shape : _shape;

    private EventLoop RunIteration(RunPlan plan) => Execute(_runOptions, plan);

    /// <summary>Every run of the exploration goes through here: a fresh loop, inside the test framework's isolation.</summary>
    private EventLoop Execute(SimOptions options, RunPlan plan)
    {
        using var isolation = TestFrameworkIsolation.Enter();
        return EventLoop.Execute(_test, options, plan);
    }

    private ExplorationResult ReplayOnce(string token)
    {
        var wallClock = StartWallClock();
        var plan = RunPlan.For(_options) with { Iteration = 0 };
        var loop = RunOnWorker(stall => Execute(_options with { RecordTrace = true }, plan with { OnStall = stall }), stalled => stalled);
        var failure = loop.PendingFailure;
        var failures = failure is null ? [] : new List<SimFailure> { loop.ToFailure(0, $"Replayed from {token}.", failure) };
        return new ExplorationResult(1, 1, failures, wallClock.Elapsed, loop.Elapsed, plan.Seed, plan.Strategy.Name, ShardSpec.All, spaceExhausted: false, determinismChecks: 0);
    }

    /// <summary>A failing iteration: its loop, the plan that reproduces it, and a failure found by a check instead of the run itself.</summary>
    private sealed record FailedRun(int Slot, EventLoop Loop, RunPlan Plan, RunFailure? Instead)
    {
        public RunFailure Failure => Instead ?? Loop.PendingFailure!;
    }

    private static bool SameFailure(RunFailure a, RunFailure b) =>
        a.Kind == b.Kind && a.Exception?.GetType() == b.Exception?.GetType();

    private static WallClock StartWallClock() => new();
}
