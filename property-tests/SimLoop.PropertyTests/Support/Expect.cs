using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace SimLoop.PropertyTests.Support;

/// <summary>
/// Exact checks as labelled FsCheck properties: when a law fails, the label says which quantity was wrong,
/// what the law predicted and what the engine reported, next to the shrunk counterexample.
/// </summary>
internal static class Expect
{
    public static Property Equal<T>(string what, T actual, T expected) =>
        EqualityComparer<T>.Default.Equals(actual, expected)
            .Label($"{what}: the law predicts {Show(expected)}, the engine gave {Show(actual)}");

    public static Property That(string what, bool holds) => holds.Label(what);

    /// <summary>All of the checks; an empty list holds.</summary>
    public static Property All(IEnumerable<Property> checks) =>
        checks.Aggregate(true.ToProperty(), (all, next) => all.And(next));

    public static Property All(params Property[] checks) => All((IEnumerable<Property>)checks);

    private static string Show<T>(T value) => value switch
    {
        TimeSpan time => Ms.Text(time),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value?.ToString() ?? "null",
    };
}
