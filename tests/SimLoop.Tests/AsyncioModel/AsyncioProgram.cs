using System.Text.Json;

namespace SimLoop.Tests.AsyncioModel;

/// <summary>
/// A generated program: task 0 is main, task k is "tK"; each task is a list of ops, one word and an argument:
/// spawn K, await K, yield, sleep MS (Sim.Delay), tsleep MS (Task.Delay on Sim.Time), cpu MS, block MS,
/// set F, wait F (a future set by one task and awaited by another), throw, hang. The same JSON runs on SimLoop
/// (<see cref="ProgramInterpreter"/>) and on CPython (asyncio_runner.py).
/// </summary>
internal sealed record AsyncioProgram(int Id, IReadOnlyList<IReadOnlyList<string>> Tasks)
{
    public string ToJson() => JsonSerializer.Serialize(new { id = Id, tasks = Tasks });

    public static string TaskName(int index) => index == 0 ? "main" : "t" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>One line per task, for a counterexample in a test's output.</summary>
    public override string ToString() =>
        string.Join("\n", Tasks.Select((ops, i) => $"  {TaskName(i)}: {string.Join("; ", ops)}"));

    public AsyncioProgram WithTask(int index, IReadOnlyList<string> ops) =>
        this with { Tasks = Tasks.Select((t, i) => i == index ? ops : t).ToList() };
}

/// <summary>What one run of a program did: its log (virtual ms, task, what), the virtual end time and how it ended.</summary>
internal sealed record ProgramRun(IReadOnlyList<string> Log, long ElapsedMs, string Outcome)
{
    public bool SameAs(ProgramRun other) =>
        Log.SequenceEqual(other.Log, StringComparer.Ordinal) && ElapsedMs == other.ElapsedMs && Outcome == other.Outcome;

    public override string ToString() =>
        $"    outcome {Outcome}, elapsed {ElapsedMs} ms\n    " + string.Join("\n    ", Log);
}
