using System.Globalization;

namespace SimLoop.Tracing;

/// <summary>One way to print virtual time everywhere (messages, reports, traces), culture-invariant.</summary>
internal static class TimeFormat
{
    /// <summary>"00:00:01.300", with days as "1.00:00:00.000" and sub-millisecond digits only when present.</summary>
    public static string Instant(TimeSpan t)
    {
        var negative = t < TimeSpan.Zero;
        if (negative)
        {
            t = t.Negate();
        }

        var text = t.Ticks % TimeSpan.TicksPerMillisecond == 0
            ? t.ToString(t.Days > 0 ? @"d\.hh\:mm\:ss\.fff" : @"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture)
            : t.ToString(t.Days > 0 ? @"d\.hh\:mm\:ss\.fffffff" : @"hh\:mm\:ss\.fffffff", CultureInfo.InvariantCulture);
        return negative ? "-" + text : text;
    }

    /// <summary>A duration in the largest unit that keeps it readable: "0 ms", "300 ms", "1.5 s", "2 h".</summary>
    public static string Duration(TimeSpan d)
    {
        if (d.Ticks % TimeSpan.TicksPerMillisecond != 0)
        {
            return (d.Ticks / 10.0).ToString("0.#", CultureInfo.InvariantCulture) + " us";
        }

        if (d < TimeSpan.FromSeconds(10))
        {
            return ((long)d.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + " ms";
        }

        if (d < TimeSpan.FromMinutes(10))
        {
            return d.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
        }

        return d.TotalHours < 48
            ? d.TotalMinutes.ToString("0.###", CultureInfo.InvariantCulture) + " min"
            : d.TotalHours.ToString("0.###", CultureInfo.InvariantCulture) + " h";
    }

    public static string Hex(ulong value) => "0x" + value.ToString("X", CultureInfo.InvariantCulture);
}
