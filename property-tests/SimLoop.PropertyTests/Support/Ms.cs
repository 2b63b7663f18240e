using System.Globalization;

namespace SimLoop.PropertyTests.Support;

/// <summary>Workloads are generated in whole milliseconds, so every prediction is an exact TimeSpan.</summary>
internal static class Ms
{
    public static TimeSpan Of(long milliseconds) => TimeSpan.FromMilliseconds(milliseconds);

    public static string Text(TimeSpan time) => time.TotalMilliseconds.ToString(CultureInfo.InvariantCulture) + " ms";
}
