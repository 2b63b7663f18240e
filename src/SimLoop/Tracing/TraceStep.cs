namespace SimLoop;

/// <summary>One step of a run: which task ran, when, why it was ready, and what it cost.</summary>
/// <param name="Index">0-based position of the step in the run.</param>
/// <param name="Start">Virtual time since the start of the run when the step began.</param>
/// <param name="End">Start plus the step's Cpu and Block costs.</param>
/// <param name="Task">The simulated task whose code ran.</param>
/// <param name="Reason">Why the continuation became ready.</param>
/// <param name="ReadyAt">When it became ready (a timer's due time, a worker job's finish instant).</param>
/// <param name="Sections">The Cpu/Block sections inside the step, in order.</param>
public sealed record TraceStep(long Index, TimeSpan Start, TimeSpan End, string Task, ReadyReason Reason, TimeSpan ReadyAt, IReadOnlyList<TraceSection> Sections)
{
    /// <summary>
    /// Where the step's code resumed, "Type.Method (File.cs:line)" (the line of the statement holding the await it
    /// resumes after, or the method's first line when it starts), when the trace is complete and symbols are there.
    /// </summary>
    public string? Source { get; init; }

    /// <summary>The Sim.Chance and Sim.Choose outcomes the step drew, in order ("chance 0.5: yes", "choose 3: 2"); complete traces only.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>Start minus ReadyAt: how long the continuation waited for the loop.</summary>
    public TimeSpan SchedulingDelay => Start - ReadyAt;
}
