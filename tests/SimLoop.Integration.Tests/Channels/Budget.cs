namespace SimLoop.Integration.Tests.Channels;

/// <summary>The exploration budget of the channel tests: fixed seed, so found iterations and counts are exact.</summary>
internal static class Budget
{
    /// <summary>
    /// Two loops at a time. ChannelWriter.Complete() takes the process-wide lock of the runtime's resource strings,
    /// so parallel loops contend on it; SimLoop allows a contended lock up to two seconds (it is held by a running
    /// thread) before calling it a blocking wait. Results do not depend on Parallelism.
    /// </summary>
    public static ExploreOptions Iterations(int iterations) => new() { Seed = 0x5EED, Iterations = iterations, Parallelism = 2 };
}
