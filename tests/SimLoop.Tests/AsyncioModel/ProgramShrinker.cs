namespace SimLoop.Tests.AsyncioModel;

/// <summary>
/// Shrinks a program on which SimLoop and CPython disagree: removes ops one at a time (except main's awaits) and
/// lowers durations to 1 while the disagreement remains, so a counterexample is a few lines long.
/// </summary>
internal static class ProgramShrinker
{
    public static AsyncioProgram Shrink(AsyncioProgram program, Func<AsyncioProgram, bool> disagrees)
    {
        var current = program;
        for (var progress = true; progress;)
        {
            progress = false;
            foreach (var candidate in Candidates(current))
            {
                if (disagrees(candidate))
                {
                    current = candidate;
                    progress = true;
                    break;
                }
            }
        }

        return current;
    }

    private static IEnumerable<AsyncioProgram> Candidates(AsyncioProgram program)
    {
        for (var task = 0; task < program.Tasks.Count; task++)
        {
            var ops = program.Tasks[task];
            for (var i = 0; i < ops.Count; i++)
            {
                // main's awaits stay: without them main could end while other tasks still run, and the counterexample
                // would be about the end of the run instead of what went wrong.
                if (task == 0 && ops[i].StartsWith("await ", StringComparison.Ordinal))
                {
                    continue;
                }

                yield return program.WithTask(task, ops.Where((_, j) => j != i).ToList());
            }

            for (var i = 0; i < ops.Count; i++)
            {
                var parts = ops[i].Split(' ');
                if (parts[0] is "sleep" or "tsleep" or "cpu" or "block" && parts[1] != "1")
                {
                    yield return program.WithTask(task, ops.Select((op, j) => j == i ? parts[0] + " 1" : op).ToList());
                }
            }
        }
    }
}
