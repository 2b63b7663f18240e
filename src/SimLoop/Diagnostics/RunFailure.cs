namespace SimLoop.Diagnostics;

/// <summary>
/// A failure as the loop detects it, before seed, token and trace are attached. Every message is four parts:
/// what happened, why it breaks the run, how to fix it, (then the report adds) how to reproduce it.
/// OnRealTime is true when a real thread's timing decided the failure (a stalled step, an escape reported by a real
/// thread): such a run does not replay reliably, so exploration neither reruns nor shrinks it. A hand-off to a real
/// thread, seen at the step that made it, is not one.
/// </summary>
internal sealed record RunFailure(FailureKind Kind, string What, string? Why, string? Fix, Exception? Exception = null, string? TaskName = null, bool OnRealTime = false);
