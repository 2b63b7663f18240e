namespace SimLoop.Tracing;

/// <summary>The compact, allocation-free form of a step kept by <see cref="TraceRecorder"/>.</summary>
internal struct StepRecord
{
    public long Index;
    public long Start;
    public long End;
    public long ReadyAt;
    public int TaskId;
    public ReadyReason Reason;

    /// <summary>Full traces: where this step's sections start in the recorder's section list, and how many.</summary>
    public int FirstSection;
    public int SectionCount;

    /// <summary>Tail records: the longest section only (no per-section storage).</summary>
    public string? LongestLabel;
    public SectionKind LongestKind;
    public long LongestStart;
    public long LongestDuration;

    /// <summary>Full traces: where the step's code resumed, and the Sim.Chance/Choose outcomes it drew.</summary>
    public string? Source;
    public string? Choices;
}
