namespace SimLoop.Diagnostics;

/// <summary>
/// A failure as the loop detects it, before seed, token and trace are attached. Every message is four parts:
/// what happened, why it breaks the run, how to fix it, (then the report adds) how to reproduce it.
/// </summary>
internal sealed record RunFailure(FailureKind Kind, string What, string? Why, string? Fix, Exception? Exception = null, string? TaskName = null);
