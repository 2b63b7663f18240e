using System.Globalization;

namespace SimLoop.PropertyTests.Workloads;

/// <summary>
/// A generated program: tasks t1, t2, ... spawned by main in that order, each running its ops in sequence;
/// main awaits them all. Printed as "seed 3, 2 workers | t1: cpu 5, yield | t2: delay 3" so a shrunk
/// counterexample can be typed back into a unit test.
/// </summary>
public sealed record Workload(IReadOnlyList<IReadOnlyList<Op>> Tasks, int Workers, int Seed)
{
    public static string TaskName(int index) => "t" + (index + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>The same program with every op's kind mapped (for example Cpu and Block swapped).</summary>
    public Workload Map(Func<OpKind, OpKind> kind) =>
        this with { Tasks = Tasks.Select(ops => (IReadOnlyList<Op>)ops.Select(op => op with { Kind = kind(op.Kind) }).ToList()).ToList() };

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"seed {Seed}, {Workers} workers")
        + string.Concat(Tasks.Select((ops, i) => " | " + TaskName(i) + ": " + (ops.Count == 0 ? "(nothing)" : string.Join(", ", ops))));
}
