namespace SimLoop.Tracing;

/// <summary>
/// Keeps what a run leaves behind: always the hash and the last <see cref="TailLength"/> steps (fixed memory),
/// and every step with every section only when <see cref="SimOptions.RecordTrace"/> asks for it.
/// </summary>
internal sealed class TraceRecorder
{
    public const int TailLength = 64;

    private readonly StepRecord[] _tail = new StepRecord[TailLength];
    private readonly List<StepRecord>? _all;
    private readonly List<SectionRecord>? _sections;
    private readonly List<JobRecord>? _jobs;

    public TraceRecorder(bool recordAll)
    {
        if (recordAll)
        {
            _all = [];
            _sections = [];
            _jobs = [];
        }
    }

    public ulong Hash { get; private set; } = TraceHash.Empty;

    public long Count { get; private set; }

    public bool RecordsAll => _all is not null;

    /// <summary>Index the next step's first section will get (full traces only).</summary>
    public int SectionCount => _sections?.Count ?? 0;

    public void AddSection(SectionKind kind, long start, long duration, string? label) =>
        _sections?.Add(new SectionRecord(kind, start, duration, label));

    /// <summary>A Sim.ToThread job reserved on worker <paramref name="worker"/> (full traces only: the timeline's worker lanes).</summary>
    public void AddWorkerJob(int worker, int taskId, long submitted, long start, long cost) =>
        _jobs?.Add(new JobRecord(worker, taskId, submitted, start, cost));

    public void Record(in StepRecord step)
    {
        Hash = TraceHash.Fold(Hash, step.Index, step.Start, step.TaskId, step.Reason);
        _tail[Count % TailLength] = step;
        _all?.Add(step);
        Count++;
    }

    /// <summary>The last <paramref name="count"/> steps, oldest first.</summary>
    public IEnumerable<StepRecord> Tail(int count)
    {
        var available = (int)Math.Min(Math.Min(count, TailLength), Count);
        for (var i = Count - available; i < Count; i++)
        {
            yield return _tail[i % TailLength];
        }
    }

    public Trace ToTrace(Func<int, string> taskName)
    {
        var steps = new List<TraceStep>();
        var source = _all ?? Tail(TailLength);
        foreach (var record in source)
        {
            steps.Add(ToStep(record, taskName));
        }

        var jobs = _jobs is null
            ? []
            : _jobs.Select(j => new WorkerJobRecord(j.Worker, taskName(j.TaskId), TimeSpan.FromTicks(j.Submitted), TimeSpan.FromTicks(j.Start), TimeSpan.FromTicks(j.Start + j.Cost))).ToList();
        return new Trace(steps, isComplete: _all is not null || Count <= TailLength, Count, Hash, jobs);
    }

    public TraceStep ToStep(in StepRecord record, Func<int, string> taskName)
    {
        IReadOnlyList<TraceSection> sections;
        if (_sections is not null)
        {
            var list = new TraceSection[record.SectionCount];
            for (var i = 0; i < list.Length; i++)
            {
                var s = _sections[record.FirstSection + i];
                list[i] = new TraceSection(s.Kind, TimeSpan.FromTicks(s.Start), TimeSpan.FromTicks(s.Duration), s.Label);
            }

            sections = list;
        }
        else if (record.LongestDuration > 0 || record.LongestLabel is not null)
        {
            sections = [new TraceSection(record.LongestKind, TimeSpan.FromTicks(record.LongestStart), TimeSpan.FromTicks(record.LongestDuration), record.LongestLabel)];
        }
        else
        {
            sections = [];
        }

        return new TraceStep(
            record.Index,
            TimeSpan.FromTicks(record.Start),
            TimeSpan.FromTicks(record.End),
            taskName(record.TaskId),
            record.Reason,
            TimeSpan.FromTicks(record.ReadyAt),
            sections)
        {
            Source = record.Source,
            Choices = record.Choices is null ? [] : record.Choices.Split('\n'),
        };
    }

    private readonly record struct SectionRecord(SectionKind Kind, long Start, long Duration, string? Label);

    private readonly record struct JobRecord(int Worker, int TaskId, long Submitted, long Start, long Cost);
}
