namespace SimLoop;

/// <summary>How a declared cost holds the loop.</summary>
public enum SectionKind : byte
{
    /// <summary><see cref="Sim.Cpu(TimeSpan, string?)"/>: CPU-bound work with no await.</summary>
    Cpu,

    /// <summary><see cref="Sim.Block(TimeSpan, string?)"/>: a blocking call (time.sleep, a synchronous HTTP call).</summary>
    Block,
}
