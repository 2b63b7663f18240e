using System.Globalization;

namespace SimLoop.Benchmarks.Compare;

/// <summary>
/// Peak memory of N concurrent sleeping tasks: the managed heap that is still live (after a full, compacting
/// collection) once all N tasks are asleep, minus the heap before the run (the
/// task names, made beforehand, are not counted). A byte count, not a time, so it is
/// measured directly; BenchmarkDotNet's MemoryDiagnoser gives the allocation side (SleepingTasksBenchmarks).
/// </summary>
public static class MemoryProbe
{
    public sealed record Result(int Tasks, long LiveBytes, long BytesPerTask);

    public static Result SleepingTasks(int tasks)
    {
        var names = Enumerable.Range(0, tasks).Select(i => "task-" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        long live = 0;
        Sim.Run(async () =>
        {
            var all = new Task[tasks];
            for (var i = 0; i < tasks; i++)
            {
                // Distinct due times: a large group of timers due at the same instant is quadratic (SameInstantTimersBenchmarks).
                var due = TimeSpan.FromHours(1) + TimeSpan.FromTicks(i);
                all[i] = Sim.Spawn(names[i], () => Sim.Delay(due));
            }

            // One minute later every task has run its first step and sleeps on its timer.
            await Sim.Delay(TimeSpan.FromMinutes(1));
            live = GC.GetTotalMemory(forceFullCollection: true) - before;
            await Task.WhenAll(all);
        }, new SimOptions { Seed = 1, MaxSteps = 10L * tasks });
        GC.KeepAlive(names);
        return new Result(tasks, live, live / tasks);
    }
}
