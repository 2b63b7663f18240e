using System.Globalization;

namespace SimLoop.Tests.AsyncioModel;

/// <summary>
/// Generates <see cref="AsyncioProgram"/>s deterministically from a seed: a tree of spawned tasks with yields,
/// sleeps (Sim.Delay and Sim.Time timers), CPU and blocking sections, futures set by one task and awaited by another,
/// awaits of children, deliberate throws and hangs. Sleeps are drawn from a few short values so that timers often
/// fall due together and during other tasks' sections, where the schedules differ.
/// Main ends by awaiting every task (spawners before their children, so each has been spawned unless its spawner
/// failed first): when main finishes nothing is in flight, so the end of a run is asyncio.run's in both loops. A task
/// that only hangs is the exception: nobody awaits it, and it is cancelled at the end without a trace.
/// </summary>
internal static class ProgramGenerator
{
    private static readonly int[] Durations = [1, 2, 3, 5, 8];

    public static IReadOnlyList<AsyncioProgram> Generate(ulong seed, int count) =>
        Enumerable.Range(0, count).Select(i => Generate(i, seed + (ulong)i)).ToList();

    public static AsyncioProgram Generate(int id, ulong seed)
    {
        var random = new SplitMix(seed);
        var taskCount = 2 + random.Next(5);
        var ops = Enumerable.Range(0, taskCount).Select(_ => new List<string>()).ToList();
        var hangsOnly = new bool[taskCount];

        for (var task = 0; task < taskCount; task++)
        {
            var opCount = task == 0 ? random.Next(4) : 1 + random.Next(6);
            for (var i = 0; i < opCount; i++)
            {
                ops[task].Add(RandomOp(random));
            }
        }

        for (var child = 1; child < taskCount; child++)
        {
            if (random.Next(12) == 0)
            {
                hangsOnly[child] = true;
                ops[child].Clear();
                ops[child].Add("hang");
            }

            // A task that only hangs spawns nothing: main would wait for its children, or leave them running at the end.
            var spawners = Enumerable.Range(0, child).Where(t => !hangsOnly[t]).ToList();
            var spawner = spawners[random.Next(spawners.Count)];
            var at = random.Next(ops[spawner].Count + 1);
            ops[spawner].Insert(at, "spawn " + Text(child));
            if (spawner != 0 && !hangsOnly[child] && random.Next(2) == 0)
            {
                ops[spawner].Insert(at + 1 + random.Next(ops[spawner].Count - at), "await " + Text(child));
            }
        }

        var futures = taskCount < 2 ? 0 : random.Next(3);
        for (var f = 0; f < futures; f++)
        {
            var setter = random.Next(taskCount);
            var waiter = (setter + 1 + random.Next(taskCount - 1)) % taskCount;
            if (!hangsOnly[setter] && !hangsOnly[waiter])
            {
                ops[setter].Insert(random.Next(ops[setter].Count + 1), "set " + Text(f));
                ops[waiter].Insert(random.Next(ops[waiter].Count + 1), "wait " + Text(f));
            }
        }

        if (random.Next(15) == 0)
        {
            ops[0].Insert(random.Next(ops[0].Count + 1), "throw");
        }

        for (var child = 1; child < taskCount; child++)
        {
            if (!hangsOnly[child])
            {
                ops[0].Add("await " + Text(child));
            }
        }

        return new AsyncioProgram(id, ops);
    }

    private static string RandomOp(SplitMix random)
    {
        var roll = random.Next(100);
        var duration = Text(Durations[random.Next(Durations.Length)]);
        return roll switch
        {
            < 22 => "yield",
            < 42 => "sleep " + duration,
            < 52 => "tsleep " + duration,
            < 72 => "cpu " + duration,
            < 82 => "block " + duration,
            < 85 => "throw",
            < 87 => "hang",
            _ => "yield",
        };
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>SplitMix64: a fixed algorithm, so a seed gives the same programs on every runtime.</summary>
    private sealed class SplitMix(ulong seed)
    {
        private ulong _state = seed;

        public int Next(int bound)
        {
            _state += 0x9E3779B97F4A7C15UL;
            var z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (int)(z % (ulong)bound);
        }
    }
}
