namespace SimLoop;

/// <summary>How the simulated worker pool behind Sim.ToThread was used.</summary>
/// <param name="Workers">Pool size (<see cref="SimOptions.WorkerThreads"/>).</param>
/// <param name="Jobs">Jobs submitted.</param>
/// <param name="BusyTime">Sum of job costs.</param>
/// <param name="TotalQueueDelay">Sum over jobs of (start - submission): time spent waiting for a free worker.</param>
/// <param name="MaxQueueDelay">The longest such wait.</param>
/// <param name="Utilization">BusyTime / (Workers x elapsed time); 0 when no virtual time passed.</param>
public sealed record WorkerPoolStats(int Workers, long Jobs, TimeSpan BusyTime, TimeSpan TotalQueueDelay, TimeSpan MaxQueueDelay, double Utilization);
