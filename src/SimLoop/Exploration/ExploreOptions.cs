namespace SimLoop;

/// <summary>
/// Settings of an exploration: many runs of one test under different schedules. Inherits every run setting of
/// <see cref="SimOptions"/>; <see cref="SimOptions.Seed"/> is the base seed (unset: SIMLOOP_SEED, else fresh
/// entropy, always printed) and <see cref="SimOptions.Strategy"/> defaults to <see cref="Strategy.Portfolio"/>.
/// </summary>
public record ExploreOptions : SimOptions
{
    /// <summary>Creates options with the exploration defaults.</summary>
    public ExploreOptions()
    {
        Strategy = Strategy.Portfolio;
    }

    /// <summary>Iterations to run (of the whole space; a shard runs its slice). Each is a fresh loop with its own seed.</summary>
    public int Iterations { get; init; } = 100;

    /// <summary>Threads running iterations at once. Results are identical whatever the value.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Minimise a failing schedule before reporting it.</summary>
    public bool Shrink { get; init; } = true;

    /// <summary>Most runs shrinking may spend on one failure.</summary>
    public int MaxShrinkRuns { get; init; } = 500;

    /// <summary>Rerun the failing iteration (and every <see cref="DeterminismCheckEvery"/>th passing one) and compare trace hashes.</summary>
    public bool CheckDeterminism { get; init; } = true;

    /// <summary>With <see cref="CheckDeterminism"/>, passing iterations whose index is a multiple of this are rerun too; 0 checks only failures.</summary>
    public int DeterminismCheckEvery { get; init; } = 64;

    /// <summary>Stop at the first failure (by iteration index); false runs every iteration and collects distinct failures.</summary>
    public bool StopOnFirstFailure { get; init; } = true;

    /// <summary>This process's slice of the iterations ("i/n"); null reads SIMLOOP_SHARD or JOB_COMPLETION_INDEX + SIMLOOP_SHARD_COUNT.</summary>
    public string? Shard { get; init; }

    /// <summary>Stops the exploration between iterations (for example a test framework's timeout); the result covers the iterations run.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>Receives progress while the exploration runs, every <see cref="ProgressInterval"/> of real time.</summary>
    public IProgress<ExplorationProgress>? Progress { get; init; }

    /// <summary>Real time between two progress reports.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(2);

    private protected override void CollectProblems(List<string> problems)
    {
        base.CollectProblems(problems);
        if (Iterations < 1)
        {
            problems.Add(Invariant($"Iterations must be at least 1, but was {Iterations}."));
        }

        if (Parallelism < 1)
        {
            problems.Add(Invariant($"Parallelism must be at least 1, but was {Parallelism}."));
        }

        if (MaxShrinkRuns < 0)
        {
            problems.Add(Invariant($"MaxShrinkRuns must not be negative, but was {MaxShrinkRuns}."));
        }

        if (DeterminismCheckEvery < 0)
        {
            problems.Add(Invariant($"DeterminismCheckEvery must not be negative (0 checks only failures), but was {DeterminismCheckEvery}."));
        }

        if (ProgressInterval <= TimeSpan.Zero)
        {
            problems.Add(Invariant($"ProgressInterval must be positive, but was {ProgressInterval}."));
        }

        if (Shard is not null)
        {
            try
            {
                Exploration.ShardSpec.Parse(Shard, "Shard");
            }
            catch (ArgumentException e)
            {
                problems.Add(e.Message);
            }
        }
    }
}
