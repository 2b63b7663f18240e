namespace SimLoop.Tracing;

/// <summary>
/// One Sim.ToThread job on the simulated pool, kept by full traces only (for the timeline's worker lanes): which
/// worker ran it, for which task, when it was submitted, started (a worker was free) and finished.
/// </summary>
internal readonly record struct WorkerJobRecord(int Worker, string Task, TimeSpan Submitted, TimeSpan Started, TimeSpan Finished);
