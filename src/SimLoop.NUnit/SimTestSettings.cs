using System.Globalization;
using NUnit.Framework;
using SimLoop.Exploration;
using SimLoop.Scheduling;

namespace SimLoop.NUnit;

/// <summary>
/// The settings of one [SimTest] run, resolved in this precedence: NUnit TestRunParameters (SimLoop.Seed, ...),
/// then environment variables (SIMLOOP_SEED, ...), then the attribute. Every invalid value is reported with the
/// setting's name, the value and where it came from, and fails only this test.
/// </summary>
internal sealed record SimTestSettings(ExploreOptions Options, string? ReplaySource, IReadOnlyList<string> Notes)
{
    /// <summary>Real time between two progress lines of a running exploration (SIMLOOP_PROGRESSINTERVAL, SimLoop.ProgressInterval).</summary>
    public static readonly TimeSpan DefaultProgressInterval = TimeSpan.FromSeconds(5);

    public static SimTestSettings Resolve(
        SimTestAttribute attribute,
        string testFullName,
        Func<string, string?> testOfScope,
        Func<string, string?> environment,
        Func<string, string?> runParameter,
        out List<string> problems)
    {
        problems = [];
        var found = new List<string>();
        var options = new ExploreOptions
        {
            Iterations = attribute.Iterations,
            MaxSteps = attribute.MaxSteps,
            WorkerThreads = attribute.WorkerThreads,
            LoopModel = attribute.LoopModel,
            RejectThreadPoolWork = attribute.RejectThreadPoolWork,
            CheckDeterminism = attribute.CheckDeterminism,
            Parallelism = attribute.Parallelism,
            ProgressInterval = DefaultProgressInterval,
        };

        (string Value, string Source)? Lookup(string name, string? attributeValue)
        {
            if (runParameter("SimLoop." + name) is { Length: > 0 } parameter)
            {
                return (parameter, $"TestRunParameter SimLoop.{name}");
            }

            var variable = "SIMLOOP_" + name.ToUpperInvariant();
            if (environment(variable) is { Length: > 0 } value)
            {
                return (value, $"environment variable {variable}");
            }

            return attributeValue is null ? null : (attributeValue, $"[SimTest({name} = ...)]");
        }

        if (Lookup("Seed", attribute.Seed) is var (seedText, seedSource))
        {
            if (SeedText.TryParse(seedText, out var seed))
            {
                options = options with { Seed = seed };
            }
            else
            {
                problems.Add($"Seed is '{seedText}' ({seedSource}), which is not a seed: write it in hex (0x2A) or decimal (42).");
            }
        }

        if (Lookup("Iterations", null) is var (iterationsText, iterationsSource))
        {
            if (int.TryParse(iterationsText, NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) && iterations > 0)
            {
                options = options with { Iterations = iterations };
            }
            else
            {
                problems.Add($"Iterations is '{iterationsText}' ({iterationsSource}), which is not a positive whole number.");
            }
        }

        var strategy = StrategyFor(attribute, problems);
        if (Lookup("Strategy", null) is var (strategyText, strategySource))
        {
            if (StrategyParser.TryParse(strategyText.Trim().ToLowerInvariant(), out var parsed))
            {
                strategy = parsed;
            }
            else
            {
                problems.Add($"Strategy is '{strategyText}' ({strategySource}), which is not a strategy: use one of {StrategyParser.Known}.");
            }
        }

        if (strategy is not null)
        {
            options = options with { Strategy = strategy };
        }

        if (Lookup("LoopModel", null) is var (modelText, modelSource))
        {
            if (Enum.TryParse<LoopModel>(modelText.Trim(), ignoreCase: true, out var model) && Enum.IsDefined(model) && !char.IsDigit(modelText.Trim()[0]))
            {
                options = options with { LoopModel = model };
            }
            else
            {
                problems.Add($"LoopModel is '{modelText}' ({modelSource}), which is not a loop model: use default or asyncio.");
            }
        }

        var replay = ReplaySetting.Resolve(Lookup("Replay", null), attribute.Replay, testFullName, testOfScope, problems);
        if (replay.Token is not null)
        {
            options = options with { Replay = replay.Token };
        }

        if (Lookup("ProgressInterval", null) is var (intervalText, intervalSource))
        {
            if (TimeSpan.TryParse(intervalText, CultureInfo.InvariantCulture, out var interval) && interval > TimeSpan.Zero)
            {
                options = options with { ProgressInterval = interval };
            }
            else
            {
                problems.Add($"ProgressInterval is '{intervalText}' ({intervalSource}), which is not a positive TimeSpan: write it like \"00:00:05\" (five seconds).");
            }
        }

        if (Lookup("Shard", null) is var (shardText, shardSource))
        {
            try
            {
                ShardSpec.Parse(shardText, $"Shard ({shardSource})");
                options = options with { Shard = shardText.Trim() };
            }
            catch (ArgumentException e)
            {
                problems.Add(e.Message);
            }
        }

        if (Duration(attribute.MaxVirtualTime, nameof(attribute.MaxVirtualTime), problems, "\"00:10:00\" (ten minutes) or \"1.00:00:00\" (one day)", allowZero: false) is { } maxTime)
        {
            options = options with { MaxVirtualTime = maxTime };
        }

        if (Duration(attribute.MaxLoopLag, nameof(attribute.MaxLoopLag), problems, "\"00:00:00.100\" (100 ms)", allowZero: true) is { } maxLag)
        {
            options = options with { MaxLoopLag = maxLag };
        }

        if (Duration(attribute.MaxSchedulingDelay, nameof(attribute.MaxSchedulingDelay), problems, "\"00:00:00.100\" (100 ms)", allowZero: true) is { } maxDelay)
        {
            options = options with { MaxSchedulingDelay = maxDelay };
        }

        if (Duration(attribute.SlowStepThreshold, nameof(attribute.SlowStepThreshold), problems, "\"00:00:00.050\" (50 ms)", allowZero: false) is { } slow)
        {
            options = options with { SlowStepThreshold = slow };
        }

        options = options with { FailOnSlowSteps = attribute.FailOnSlowSteps };

        if (attribute.WatchdogTimeout is { } watchdogText)
        {
            if (string.Equals(watchdogText.Trim(), "infinite", StringComparison.OrdinalIgnoreCase))
            {
                options = options with { WatchdogTimeout = Timeout.InfiniteTimeSpan };
            }
            else if (TimeSpan.TryParse(watchdogText, CultureInfo.InvariantCulture, out var watchdog) && watchdog > TimeSpan.Zero)
            {
                options = options with { WatchdogTimeout = watchdog };
            }
            else
            {
                problems.Add($"WatchdogTimeout is '{watchdogText}' ([SimTest(WatchdogTimeout = ...)]), which is not a positive TimeSpan (\"00:00:05\") or \"infinite\".");
            }
        }

        AddIfNotPositive(problems, "Iterations", attribute.Iterations);
        AddIfNotPositive(problems, "MaxSteps", attribute.MaxSteps);
        AddIfNotPositive(problems, "WorkerThreads", attribute.WorkerThreads);
        AddIfNotPositive(problems, "Parallelism", attribute.Parallelism);
        return new SimTestSettings(options, replay.Source, replay.Notes);
    }

    /// <summary>An attribute's TimeSpan text, or null when unset or invalid (then a problem says why).</summary>
    private static TimeSpan? Duration(string? text, string name, List<string> problems, string example, bool allowZero)
    {
        if (text is null)
        {
            return null;
        }

        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && (value > TimeSpan.Zero || (allowZero && value == TimeSpan.Zero)))
        {
            return value;
        }

        problems.Add($"{name} is '{text}' ([SimTest({name} = ...)]), which is not a {(allowZero ? "non-negative" : "positive")} TimeSpan: write it like {example}.");
        return null;
    }

    private static Strategy? StrategyFor(SimTestAttribute attribute, List<string> problems)
    {
        if (attribute.PctDepth < 1)
        {
            problems.Add($"PctDepth is {attribute.PctDepth} ([SimTest(PctDepth = ...)]), but it must be at least 1.");
            return null;
        }

        return attribute.Strategy switch
        {
            SimStrategy.Portfolio => Strategy.Portfolio,
            SimStrategy.Fifo => Strategy.Fifo,
            SimStrategy.Random => Strategy.Random,
            SimStrategy.Pct => Strategy.Pct(attribute.PctDepth),
            SimStrategy.Exhaustive => Strategy.Exhaustive(Math.Max(1, attribute.Iterations)),
            SimStrategy.DelayBounded => Strategy.DelayBounded(Math.Max(1, attribute.Iterations)),
            SimStrategy.RandomDelays => Strategy.RandomDelays(),
            SimStrategy.PreemptionBounded => Strategy.PreemptionBounded(Math.Max(1, attribute.Iterations)),
            _ => null,
        };
    }

    private static void AddIfNotPositive(List<string> problems, string name, long value)
    {
        if (value <= 0)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{name} is {value} ([SimTest({name} = ...)]), but it must be at least 1."));
        }
    }

    /// <summary>The real sources: NUnit's TestRunParameters and the process environment.</summary>
    public static SimTestSettings Resolve(SimTestAttribute attribute, string testFullName, Func<string, string?> testOfScope, out List<string> problems)
    {
        var settings = Resolve(attribute, testFullName, testOfScope, Environment.GetEnvironmentVariable, name => TestContext.Parameters.Get(name), out problems);
        problems.AddRange(UnknownParameters(TestContext.Parameters.Names));
        return settings;
    }

    /// <summary>The settings a TestRunParameter can override, as SimLoop.&lt;name&gt;.</summary>
    internal static readonly string[] ParameterNames = ["Iterations", "LoopModel", "ProgressInterval", "Replay", "Seed", "Shard", "Strategy"];

    /// <summary>A SimLoop.* TestRunParameter SimLoop does not read is a typo that would silently change nothing.</summary>
    internal static IEnumerable<string> UnknownParameters(IEnumerable<string> names) =>
        names.Where(name => name.StartsWith("SimLoop.", StringComparison.OrdinalIgnoreCase) && !ParameterNames.Any(known => string.Equals(name, "SimLoop." + known, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .Select(name => $"TestRunParameter {name} is not a SimLoop setting, so it would change nothing: the TestRunParameters SimLoop reads are " +
                string.Join(", ", ParameterNames.Select(known => "SimLoop." + known)) + " (names are case-sensitive).");
}
