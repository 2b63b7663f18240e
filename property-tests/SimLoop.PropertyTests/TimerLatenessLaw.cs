using FsCheck;
using FsCheck.Fluent;
using SimLoop.PropertyTests.Support;

namespace SimLoop.PropertyTests;

/// <summary>
/// Law 1: a timer due while a section holds the loop fires late by exactly the rest of
/// the section. A holder waits until <c>a</c> and then holds the loop for <c>c</c>; a sleeper's timer is due at
/// <c>d</c> with a &lt;= d &lt; a + c. Its lateness, and the loop's lag, is a + c - d.
/// </summary>
public class TimerLatenessLaw
{
    [FsCheck.NUnit.Property(MaxTest = 500, Arbitrary = [typeof(Arbitraries)])]
    public Property A_timer_due_inside_a_section_is_late_by_exactly_the_rest_of_the_section(HeldTimer w) => Holds(w, options: null);

    /// <summary>The law on one generated workload, under the loop model of <paramref name="options"/> (the default when null).</summary>
    internal static Property Holds(HeldTimer w, SimOptions? options)
    {
        var result = Sim.Run(async () =>
        {
            // The holder is spawned first so its timer is created first: when a == d the two timers are due at the
            // same instant and fire in creation order, so the section has started before the sleeper's wake-up is
            // processed. (Spawned the other way round, the sleeper would win the tie and not be late at all.)
            // a == 0 is Sim.Delay(0), a yield: the sleeper registers its timer before the section starts.
            var holder = Sim.Spawn("holder", async () =>
            {
                await Sim.Delay(Ms.Of(w.HoldFromMs));
                Sim.Cpu(Ms.Of(w.HoldMs));
            });
            var sleeper = Sim.Spawn("sleeper", async () => await Sim.Delay(Ms.Of(w.DueMs)));
            await Task.WhenAll(holder, sleeper);
        }, options);

        var predicted = Ms.Of(w.HoldFromMs + w.HoldMs - w.DueMs);
        return Expect.All(
            Expect.Equal("sleeper's max timer lateness", result.Fairness.Task("sleeper").MaxTimerLateness, predicted),
            Expect.Equal("max loop lag", result.Fairness.MaxLoopLag, predicted));
    }

    /// <summary>The section holds the loop over [HoldFromMs, HoldFromMs + HoldMs); the sleeper is due at DueMs inside it.</summary>
    public sealed record HeldTimer(int HoldFromMs, int HoldMs, int DueMs)
    {
        public bool IsValid() => HoldFromMs >= 0 && HoldMs >= 1 && DueMs >= 1 && HoldFromMs <= DueMs && DueMs < HoldFromMs + HoldMs;
    }

    public static class Arbitraries
    {
        public static Arbitrary<HeldTimer> HeldTimers()
        {
            // d >= 1: a delay of zero is a yield, not a timer.
            var generator =
                from a in Gen.Choose(0, 500)
                from c in Gen.Choose(1, 500)
                from d in Gen.Choose(Math.Max(a, 1), a + c - 1)
                select new HeldTimer(a, c, d);
            return Arb.From(generator.Where(w => w.IsValid()), Shrink);
        }

        private static IEnumerable<HeldTimer> Shrink(HeldTimer w) =>
            Shrinks.Toward(w.HoldFromMs, 0).Select(a => w with { HoldFromMs = a, DueMs = w.DueMs - (w.HoldFromMs - a) })
                .Concat(Shrinks.Toward(w.HoldMs, 1).Select(c => w with { HoldMs = c }))
                .Concat(Shrinks.Toward(w.DueMs, 1).Select(d => w with { DueMs = d }))
                .Where(candidate => candidate.IsValid());
    }
}
