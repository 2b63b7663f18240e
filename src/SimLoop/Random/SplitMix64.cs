namespace SimLoop.Random;

/// <summary>
/// Sebastiano Vigna's SplitMix64: turns one 64-bit seed into a stream of well-mixed 64-bit values.
/// SimLoop uses it only to derive seeds (per iteration, per decision domain) and to fill xoshiro's state,
/// which is what its author recommends.
/// </summary>
internal struct SplitMix64
{
    private ulong _state;

    public SplitMix64(ulong seed) => _state = seed;

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>The <paramref name="index"/>-th value of the stream seeded with <paramref name="seed"/>, without walking it.</summary>
    public static ulong At(ulong seed, ulong index)
    {
        var generator = new SplitMix64(seed + (index * 0x9E3779B97F4A7C15UL));
        return generator.Next();
    }
}
