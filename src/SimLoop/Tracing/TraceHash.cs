namespace SimLoop.Tracing;

/// <summary>
/// A 64-bit fingerprint of a run, folded step by step over (index, start time, task id, reason). Two runs with
/// the same hash took the same schedule; the determinism check compares these.
/// </summary>
internal static class TraceHash
{
    public const ulong Empty = 0xCBF29CE484222325UL;

    public static ulong Fold(ulong hash, long index, long start, int taskId, ReadyReason reason)
    {
        hash = Mix(hash, (ulong)index);
        hash = Mix(hash, (ulong)start);
        return Mix(hash, ((ulong)(uint)taskId << 8) | (byte)reason);
    }

    private static ulong Mix(ulong hash, ulong value)
    {
        // One round of a multiply-xorshift mixer per word: order-sensitive and cheap.
        hash ^= value;
        hash *= 0x9E3779B97F4A7C15UL;
        return hash ^ (hash >> 29);
    }
}
