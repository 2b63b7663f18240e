namespace SimLoop.Interception;

/// <summary>
/// Keeps the marked method or type out of SimLoop's build-time rewriting: its clock reads, Thread.Sleep and real-time
/// waits stay on the machine's clock even inside a simulation (for code that must measure or spend real time).
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
public sealed class NotRewrittenAttribute : Attribute
{
}
