using FsCheck;
using FsCheck.Fluent;
using SimLoop.PropertyTests.Support;

namespace SimLoop.PropertyTests;

/// <summary>
/// The fairness laws restated for <see cref="LoopModel.Asyncio"/> where they change, and kept where they do not.
///
/// Law 1 holds unchanged: a timer due inside a section that holds the loop over [a, a + c) is late by exactly
/// a + c - d. Its handle is moved at the first pass that starts at or after d, which is a + c when nothing else is
/// ready; the handle queues the sleeper, which runs in the next pass, still at a + c (handles take no time).
///
/// Law 5 (slicing) changes. k slicers each run m slices of s, yielding after every slice, beside a heartbeat that
/// sleeps p in a loop. Every pass runs each slicer's next slice, so the passes with slices start at T_j = j·k·s for
/// j = 0 .. m-1 and pass m (the slicers' last, empty steps) at m·k·s. A beat due at d is moved at the first pass
/// start at or after it, T_J with J = ceil(d / ks); that pass runs its k slices before the handle, and the wake-up
/// the handle queues runs in pass J+1 behind the k slices queued before it:
///   start = T_J + ks·[J &lt;= m-1] + ks·[J &lt;= m-2],   so   lateness = start - d &lt; ks + 2ks = 3·k·s
/// where the default model's bound is (k+1)·s: batches and the second hop together cost up to two more rounds.
/// </summary>
public class AsyncioModelLaws
{
    private static readonly SimOptions s_asyncio = new() { LoopModel = LoopModel.Asyncio, RecordTrace = true };

    [FsCheck.NUnit.Property(MaxTest = 300, Arbitrary = [typeof(TimerLatenessLaw.Arbitraries)])]
    public Property Law_1_a_timer_due_inside_a_section_is_late_by_exactly_the_rest_of_it(TimerLatenessLaw.HeldTimer w) =>
        TimerLatenessLaw.Holds(w, s_asyncio);

    [FsCheck.NUnit.Property(MaxTest = 300, Arbitrary = [typeof(SlicingLaw.Arbitraries)])]
    public Property Law_5_with_k_slicers_a_heartbeat_runs_at_most_two_passes_after_the_pass_it_falls_due_in(SlicingLaw.ManySlicers w)
    {
        var result = Sim.Run(async () =>
        {
            _ = Sim.Spawn("heartbeat", async () =>
            {
                while (true)
                {
                    await Sim.Delay(Ms.Of(w.PeriodMs));
                }
            });
            var slicers = Enumerable.Range(1, w.Slicers).Select(i => Sim.Spawn("slicer" + i, async () =>
            {
                for (var slice = 0; slice < w.Slices; slice++)
                {
                    Sim.Cpu(Ms.Of(w.SliceMs));
                    await Sim.Yield();
                }
            })).ToList();
            await Task.WhenAll(slicers);
        }, s_asyncio);

        var round = (long)w.Slicers * w.SliceMs;
        var beats = result.Trace.Steps.Where(step => step.Task == "heartbeat" && step.Reason == ReadyReason.Timer).ToList();
        return Expect.All(beats.Select(beat =>
        {
            var d = (long)beat.ReadyAt.TotalMilliseconds;
            var j = (d + round - 1) / round;
            var start = (j * round) + (j <= w.Slices - 1 ? round : 0) + (j <= w.Slices - 2 ? round : 0);
            return Expect.All(
                Expect.Equal($"start of the beat due at {Ms.Text(beat.ReadyAt)}", beat.Start, Ms.Of(start)),
                Expect.That($"lateness {Ms.Text(beat.SchedulingDelay)} is under 3ks", beat.SchedulingDelay < Ms.Of(3 * round)));
        }));
    }

    [FsCheck.NUnit.Property(MaxTest = 200)]
    public Property The_same_seed_gives_the_same_schedule_and_strategies_change_only_timer_ties(PositiveInt seed, NonNegativeInt tasks)
    {
        // Timers due together are the only choice: every task sleeps the same 5 ms, so each seed may reorder the wake-ups,
        // but never the steps between them (each task's yield stays behind the wake-ups queued before it).
        var count = 2 + (tasks.Get % 4);
        string Run()
        {
            var log = new List<string>();
            Sim.Run(async () =>
            {
                var all = Enumerable.Range(0, count).Select(i => Sim.Spawn("t" + i, async () =>
                {
                    await Sim.Delay(Ms.Of(5));
                    log.Add("w" + i);
                    await Sim.Yield();
                    log.Add("y" + i);
                })).ToList();
                await Task.WhenAll(all);
            }, new SimOptions { LoopModel = LoopModel.Asyncio, Strategy = Strategy.Random, Seed = (ulong)seed.Get });
            return string.Join(" ", log);
        }

        var first = Run();
        var wakeOrder = first.Split(' ').Where(e => e[0] == 'w').Select(e => e[1..]).ToList();
        var expected = string.Join(" ", wakeOrder.Select(i => "w" + i).Concat(wakeOrder.Select(i => "y" + i)));
        return Expect.All(
            Expect.Equal("second run with the same seed", Run(), first),
            Expect.Equal("wake-ups, then the yields in the same order (a pass of wake-ups, then a pass of yields)", first, expected));
    }
}
