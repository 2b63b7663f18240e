using FsCheck;
using FsCheck.Fluent;
using SimLoop.PropertyTests.Support;

namespace SimLoop.PropertyTests;

/// <summary>
/// Law 2: k tasks each doing n rounds of { Sim.Cpu(c); await Sim.Yield(); }
/// under FIFO share the loop round-robin. The run takes k·n·c; each task waits at most (k-1)·c for the loop
/// (the other k-1 tasks' slices) once it has yielded; each gets n·c of CPU, and the shares are perfectly fair.
/// </summary>
public class RoundRobinLaw
{
    [FsCheck.NUnit.Property(MaxTest = 500, Arbitrary = [typeof(Arbitraries)])]
    public Property Tasks_that_yield_after_every_slice_share_the_loop_round_robin(RoundRobin w)
    {
        var names = Enumerable.Range(1, w.Tasks).Select(i => "worker" + i).ToList();
        var result = Sim.Run(async () =>
        {
            var tasks = names.Select(name => Sim.Spawn(name, async () =>
            {
                for (var round = 0; round < w.Rounds; round++)
                {
                    Sim.Cpu(Ms.Of(w.CostMs));
                    await Sim.Yield();
                }
            })).ToList();
            await Task.WhenAll(tasks);
        }, new SimOptions { Strategy = Strategy.Fifo });

        // n >= 2 matters: in round 2 every task has all k-1 others ahead of it. With n == 1, task i waits only
        // max(i-1, k-i)·c (the tasks before it, then the tasks after it), so the maximum is not (k-1)·c for all.
        var perTask = names.SelectMany(name =>
        {
            var stats = result.Fairness.Task(name);
            return new[]
            {
                Expect.Equal(name + " max scheduling delay", stats.MaxSchedulingDelay, Ms.Of((w.Tasks - 1L) * w.CostMs)),
                Expect.Equal(name + " cpu time", stats.CpuTime, Ms.Of((long)w.Rounds * w.CostMs)),
            };
        });
        return Expect.All(perTask.Concat(
        [
            Expect.Equal("elapsed", result.Elapsed, Ms.Of((long)w.Tasks * w.Rounds * w.CostMs)),
            Expect.Equal("Jain index", result.Fairness.JainIndex, 1.0),
        ]));
    }

    public sealed record RoundRobin(int Tasks, int Rounds, int CostMs);

    public static class Arbitraries
    {
        public static Arbitrary<RoundRobin> RoundRobins() => Arb.From(
            from k in Gen.Choose(1, 6)
            from n in Gen.Choose(2, 8)
            from c in Gen.Choose(1, 500)
            select new RoundRobin(k, n, c),
            w => Shrinks.Toward(w.Tasks, 1).Select(k => w with { Tasks = k })
                .Concat(Shrinks.Toward(w.Rounds, 2).Select(n => w with { Rounds = n }))
                .Concat(Shrinks.Toward(w.CostMs, 1).Select(c => w with { CostMs = c })));
    }
}
