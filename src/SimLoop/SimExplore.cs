using SimLoop.Exploration;

namespace SimLoop;

public static partial class Sim
{
    /// <summary>
    /// Runs <paramref name="test"/> many times, each a fresh simulation with its own seed and schedule (see
    /// <see cref="ExploreOptions"/>), and returns what was found; the first failure comes checked for
    /// reproducibility, shrunk, and with a replay token. Call <see cref="ExplorationResult.ThrowIfFailed"/> to fail a test.
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid (every problem listed), or SIMLOOP_SEED / SIMLOOP_SHARD are.</exception>
    /// <exception cref="InvalidOperationException">Called inside a running simulation.</exception>
    public static ExplorationResult Explore(Func<Task> test, ExploreOptions? options = null) =>
        Explorer.Run(test, options ?? new ExploreOptions());
}
