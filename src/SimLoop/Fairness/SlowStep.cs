namespace SimLoop;

/// <summary>
/// A step whose Cpu + Block cost reached <see cref="SimOptions.SlowStepThreshold"/> (asyncio's "slow callback").
/// Label and Kind are those of the step's longest section (the first on a tie).
/// </summary>
/// <param name="Start">When the step started (virtual time since the start of the run).</param>
/// <param name="Duration">The step's total Cpu + Block cost.</param>
/// <param name="Task">The task whose code ran.</param>
/// <param name="Label">Label of the longest section, if it had one.</param>
/// <param name="Kind">Kind of the longest section.</param>
public sealed record SlowStep(TimeSpan Start, TimeSpan Duration, string Task, string? Label, SectionKind Kind);
