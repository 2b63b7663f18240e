using System.Globalization;

namespace SimLoop.Tracing;

/// <summary>
/// The timeline's words for a step woken late by a timer: the mark ("250 ms late") and the arithmetic behind it,
/// with every term named where it is printed.
/// </summary>
internal static class LateTimerText
{
    public static bool IsLate(TraceStep step) => step.Reason == ReadyReason.Timer && step.SchedulingDelay > TimeSpan.Zero;

    public static string Mark(TraceStep step) => TimeFormat.Duration(step.SchedulingDelay) + " late";

    /// <summary>Why the step at <paramref name="position"/> of <paramref name="steps"/> started after its timer's due time.</summary>
    public static string Explain(IReadOnlyList<TraceStep> steps, int position)
    {
        var late = steps[position];
        var due = late.ReadyAt;

        // Steps run one after another, so the ones that held the loop after the due instant are the ones just before.
        var first = position;
        while (first > 0 && steps[first - 1].End > due)
        {
            first--;
        }

        var held = position - first;
        if (held == 1 && steps[first] is var holder && holder.Start <= due && holder.End == late.Start)
        {
            var cost = holder.End - holder.Start;
            return $"late by a + c - d = {Sum(late.SchedulingDelay, (holder.Start, ""), (cost, " + "), (due, " - "))}: " +
                $"{holder.Task}'s step #{N(holder.Index)} started at a and cost c{Parenthesised(LongestSection(holder))}, the timer was due at d";
        }

        var text = $"late by s - d = {Sum(late.SchedulingDelay, (late.Start, ""), (due, " - "))}: the timer was due at d and its step started at s";
        if (held == 0)
        {
            return text;
        }

        var busy = TimeSpan.Zero;
        var longest = steps[first];
        for (var i = first; i < position; i++)
        {
            var step = steps[i];
            busy += step.End - step.Start;
            longest = step.End - step.Start > longest.End - longest.Start ? step : longest;
        }

        text += $"; in between the loop ran {N(held)} step{(held == 1 ? "" : "s")} costing {TimeFormat.Duration(busy)}";
        return longest.End > longest.Start
            ? text + $", the longest {longest.Task}'s step #{N(longest.Index)} ({TimeFormat.Duration(longest.End - longest.Start)}{(LongestSection(longest) is { Length: > 0 } section ? ", " + section : "")})"
            : text;
    }

    /// <summary>The step's longest section (the first on a tie), as 'cpu "parse"'; empty when it had none.</summary>
    public static string LongestSection(TraceStep step)
    {
        TraceSection? longest = null;
        foreach (var section in step.Sections)
        {
            if (longest is null || section.Duration > longest.Value.Duration)
            {
                longest = section;
            }
        }

        return longest is { } s
            ? (s.Kind == SectionKind.Cpu ? "cpu" : "block") + (s.Label is null ? "" : " \"" + s.Label + "\"")
            : "";
    }

    private static string Parenthesised(string text) => text.Length == 0 ? "" : " (" + text + ")";

    /// <summary>"150 + 300 - 200 = 250 ms" when every term is whole milliseconds, else each term with its unit.</summary>
    private static string Sum(TimeSpan result, params (TimeSpan Value, string Operator)[] terms)
    {
        var wholeMs = terms.All(t => t.Value.Ticks % TimeSpan.TicksPerMillisecond == 0) && result.Ticks % TimeSpan.TicksPerMillisecond == 0;
        string F(TimeSpan t) => wholeMs ? N(t.Ticks / TimeSpan.TicksPerMillisecond) : TimeFormat.Duration(t);
        return string.Concat(terms.Select(t => t.Operator + F(t.Value))) + " = " + (wholeMs ? F(result) + " ms" : F(result));
    }

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}
