using System.Globalization;

namespace SimLoop.Benchmarks.Compare;

/// <summary>
/// One performance target of issue 6 and what was measured for it. Printed as the machine-readable line
/// <c>target &lt;name&gt;: measured &lt;value&gt; &lt;unit&gt;, goal &lt;value&gt; &lt;unit&gt;, met|missed</c>; the goal's value carries
/// its direction (<c>&lt;=3</c>, <c>&gt;=100000</c>, <c>&lt;2</c>) so that the line reads on its own.
/// </summary>
public sealed record Target(string Name, double Measured, string Unit, string Comparison, double Goal)
{
    public bool Met => Comparison switch
    {
        "<=" => Measured <= Goal,
        "<" => Measured < Goal,
        ">=" => Measured >= Goal,
        _ => throw new InvalidOperationException("unknown comparison " + Comparison),
    };

    public string Line => string.Create(
        CultureInfo.InvariantCulture,
        $"target {Name}: measured {Format(Measured)} {Unit}, goal {Comparison}{Format(Goal)} {Unit}, {(Met ? "met" : "missed")}");

    public static string Format(double value) => value switch
    {
        double.NaN => "n/a",
        >= 100 or <= -100 => value.ToString("0", CultureInfo.InvariantCulture),
        >= 10 or <= -10 => value.ToString("0.0", CultureInfo.InvariantCulture),
        > -0.01 and < 0.01 and not 0 => value.ToString("G3", CultureInfo.InvariantCulture),
        _ => value.ToString("0.##", CultureInfo.InvariantCulture),
    };
}
