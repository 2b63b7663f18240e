using SimLoop.Random;

namespace SimLoop.Scheduling;

/// <summary>Derives independent generator seeds from one run seed, one per decision domain.</summary>
internal static class SeedStreams
{
    public const ulong ReadyOrder = 1;
    public const ulong SameInstantEvents = 2;
    public const ulong Choices = 3;
    public const ulong Priorities = 4;

    public static ulong Derive(ulong runSeed, ulong domain) => SplitMix64.At(runSeed, domain);
}
