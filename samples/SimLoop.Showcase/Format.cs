using System.Globalization;

namespace SimLoop.Showcase;

internal static class Format
{
    public static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture) + " ms";

    public static string Hex(ulong value) => "0x" + value.ToString("X", CultureInfo.InvariantCulture);
}
