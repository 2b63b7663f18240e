namespace SimLoop;

/// <summary>One Sim.Cpu or Sim.Block section inside a step.</summary>
/// <param name="Kind">Cpu or Block.</param>
/// <param name="Start">Virtual time since the start of the run when the section began.</param>
/// <param name="Duration">How long it held the loop.</param>
/// <param name="Label">The label passed to Sim.Cpu / Sim.Block, if any.</param>
public readonly record struct TraceSection(SectionKind Kind, TimeSpan Start, TimeSpan Duration, string? Label);
