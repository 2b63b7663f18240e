namespace SimLoop.Tracing;

/// <summary>What the HTML timeline shows of one run: its steps and worker jobs, and what its header and table need.</summary>
/// <param name="Trace">The run's steps (all of them with RecordTrace, else the last ones).</param>
/// <param name="Fairness">The run's fairness report (for a failure: up to the failure).</param>
/// <param name="Seed">The run's seed.</param>
/// <param name="Strategy">The strategy's name, when known.</param>
/// <param name="ReplayToken">The token that replays the run.</param>
/// <param name="Failure">The failure, when the run failed.</param>
internal sealed record TimelineRun(Trace Trace, FairnessReport? Fairness, ulong Seed, string? Strategy, string ReplayToken, SimFailure? Failure)
{
    public static TimelineRun Of(SimResult result) =>
        new(result.Trace, result.Fairness, result.Seed, result.Strategy, result.ReplayToken, null);

    public static TimelineRun Of(SimFailure failure) =>
        new(failure.Trace, failure.Fairness, failure.Seed, failure.Strategy, failure.ReplayToken, failure);

    /// <summary>Where the time axis ends: the run's elapsed time, or later if a step or a worker job ends later.</summary>
    public TimeSpan End
    {
        get
        {
            var end = Fairness?.Elapsed ?? TimeSpan.Zero;
            if (Trace.Steps.Count > 0 && Trace.Steps[^1].End > end)
            {
                end = Trace.Steps[^1].End;
            }

            foreach (var job in Trace.WorkerJobs)
            {
                end = job.Finished > end ? job.Finished : end;
            }

            return end;
        }
    }

    /// <summary>Steps whose Cpu + Block cost reaches this are slow (the fairness report's threshold; 100 ms by default).</summary>
    public TimeSpan SlowStepThreshold => Fairness?.SlowStepThreshold ?? new SimOptions().SlowStepThreshold;
}
