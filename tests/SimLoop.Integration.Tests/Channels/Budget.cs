namespace SimLoop.Integration.Tests.Channels;

/// <summary>The exploration budget of the channel tests: fixed seed, so found iterations and counts are exact.</summary>
internal static class Budget
{
    /// <summary>
    /// One loop at a time. ChannelWriter.Complete() builds an exception message on every call, which takes the
    /// process-wide lock of System.Threading.Channels' resource strings. Two loops completing channels at once
    /// contend on it, and under CPU load the holder can be descheduled past SimLoop's 10 ms grace for blocking
    /// waits: the run then fails with BlockingWait and exploration reports Nondeterminism. Results do not depend
    /// on Parallelism, so nothing is lost but wall-clock time (a fraction of a second here).
    /// </summary>
    public static ExploreOptions Iterations(int iterations) => new() { Seed = 0x5EED, Iterations = iterations, Parallelism = 1 };
}
