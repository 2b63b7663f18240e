using System.Globalization;
using System.Security.Cryptography;

namespace SimLoop.Exploration;

/// <summary>Seeds as people type them ("0x2A", "42") and as SimLoop prints them (always hex).</summary>
internal static class SeedText
{
    public static bool TryParse(string? text, out ulong seed)
    {
        seed = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        return trimmed.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? ulong.TryParse(trimmed.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out seed)
            : ulong.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out seed);
    }

    /// <summary>A fresh seed when none was given: entropy is fine here because the seed is always printed.</summary>
    public static ulong Fresh() => BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));
}
