using FsCheck;
using FsCheck.Fluent;
using SimLoop.PropertyTests.Support;

namespace SimLoop.PropertyTests.Workloads;

/// <summary>
/// Generates small workloads (1-4 tasks of up to 6 ops, costs up to 60 ms, 1-4 workers) and shrinks them by
/// dropping tasks and ops, turning ops into yields and lowering numbers, so a failure reads as a short program.
/// </summary>
public static class WorkloadArbitrary
{
    public static Arbitrary<Workload> Workloads() => Arb.From(Generate(), Shrink);

    private static Gen<Workload> Generate()
    {
        var op =
            from kind in Gen.Elements(Enum.GetValues<OpKind>())
            from ms in Gen.Choose(kind == OpKind.Delay ? 1 : 0, 60)
            select new Op(kind, kind is OpKind.Yield or OpKind.SleepZero ? 0 : ms);
        var task =
            from count in Gen.Choose(0, 6)
            from ops in op.ListOf(count)
            select (IReadOnlyList<Op>)ops.ToList();
        return
            from taskCount in Gen.Choose(1, 4)
            from tasks in task.ListOf(taskCount)
            from workers in Gen.Choose(1, 4)
            from seed in Gen.Choose(0, 1000)
            select new Workload(tasks.ToList(), workers, seed);
    }

    private static IEnumerable<Workload> Shrink(Workload w)
    {
        for (var t = 0; t < w.Tasks.Count && w.Tasks.Count > 1; t++)
        {
            yield return w with { Tasks = Without(w.Tasks, t) };
        }

        for (var t = 0; t < w.Tasks.Count; t++)
        {
            var ops = w.Tasks[t];
            for (var i = 0; i < ops.Count; i++)
            {
                yield return WithTask(w, t, Without(ops, i));
                if (ops[i].Kind != OpKind.Yield)
                {
                    yield return WithTask(w, t, Replace(ops, i, new Op(OpKind.Yield, 0)));
                }

                if (ops[i].HasDuration)
                {
                    foreach (var ms in Shrinks.Toward(ops[i].Ms, ops[i].MinMs))
                    {
                        yield return WithTask(w, t, Replace(ops, i, ops[i] with { Ms = ms }));
                    }
                }
            }
        }

        foreach (var workers in Shrinks.Toward(w.Workers, 1))
        {
            yield return w with { Workers = workers };
        }

        foreach (var seed in Shrinks.Toward(w.Seed, 0))
        {
            yield return w with { Seed = seed };
        }
    }

    private static Workload WithTask(Workload w, int index, IReadOnlyList<Op> ops) => w with { Tasks = Replace(w.Tasks, index, ops) };

    private static List<T> Without<T>(IReadOnlyList<T> items, int index) => items.Where((_, i) => i != index).ToList();

    private static List<T> Replace<T>(IReadOnlyList<T> items, int index, T item) => items.Select((x, i) => i == index ? item : x).ToList();
}
