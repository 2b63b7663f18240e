namespace SimLoop;

/// <summary>A progress report of a running exploration.</summary>
/// <param name="IterationsDone">Iterations finished so far.</param>
/// <param name="IterationsPlanned">Iterations this process will run at most.</param>
/// <param name="IterationsPerSecond">Rate so far, in real time.</param>
/// <param name="Elapsed">Real time since the exploration started.</param>
/// <param name="DistinctSchedules">Distinct trace hashes among the finished iterations.</param>
/// <param name="Failures">Failing iterations found so far.</param>
public sealed record ExplorationProgress(int IterationsDone, int IterationsPlanned, double IterationsPerSecond, TimeSpan Elapsed, int DistinctSchedules, int Failures);
