using System.Globalization;

namespace SimLoop.Exploration;

/// <summary>
/// Which slice of the iteration space this process explores: iterations whose index modulo Count equals Index.
/// Strided rather than contiguous, so every shard samples all strategies of a portfolio evenly.
/// </summary>
/// <param name="Index">0-based shard index.</param>
/// <param name="Count">Number of shards.</param>
public sealed record ShardSpec(int Index, int Count)
{
    /// <summary>The whole iteration space.</summary>
    public static ShardSpec All { get; } = new(0, 1);

    /// <summary>True when this shard runs iteration <paramref name="iteration"/>.</summary>
    public bool Owns(int iteration) => iteration % Count == Index;

    /// <inheritdoc />
    public override string ToString() => Index.ToString(CultureInfo.InvariantCulture) + "/" + Count.ToString(CultureInfo.InvariantCulture);

    /// <summary>Parses "i/n" (0 &lt;= i &lt; n).</summary>
    /// <exception cref="ArgumentException">The text is not of that form; the message says what is expected.</exception>
    public static ShardSpec Parse(string text, string source)
    {
        var parts = text.Trim().Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count >= 1 && index < count)
        {
            return new ShardSpec(index, count);
        }

        throw new ArgumentException(
            $"{source} is '{text}', which is not a shard: write i/n with 0 <= i < n, for example SIMLOOP_SHARD=0/4 for the first of four machines.");
    }

    /// <summary>
    /// The shard from the environment: SIMLOOP_SHARD=i/n, or a Kubernetes Indexed Job's JOB_COMPLETION_INDEX
    /// together with SIMLOOP_SHARD_COUNT; null when neither is set.
    /// </summary>
    public static ShardSpec? FromEnvironment()
    {
        var shard = Environment.GetEnvironmentVariable("SIMLOOP_SHARD");
        if (!string.IsNullOrWhiteSpace(shard))
        {
            return Parse(shard, "SIMLOOP_SHARD");
        }

        var jobIndex = Environment.GetEnvironmentVariable("JOB_COMPLETION_INDEX");
        if (string.IsNullOrWhiteSpace(jobIndex))
        {
            return null;
        }

        var count = Environment.GetEnvironmentVariable("SIMLOOP_SHARD_COUNT");
        if (string.IsNullOrWhiteSpace(count))
        {
            throw new ArgumentException(
                $"JOB_COMPLETION_INDEX is {jobIndex} (a Kubernetes Indexed Job), but SIMLOOP_SHARD_COUNT is not set: set it to the Job's completions so SimLoop knows how many shards there are.");
        }

        return Parse(jobIndex + "/" + count, "JOB_COMPLETION_INDEX/SIMLOOP_SHARD_COUNT");
    }
}
