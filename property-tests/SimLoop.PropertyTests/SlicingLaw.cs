using FsCheck;
using FsCheck.Fluent;
using SimLoop.PropertyTests.Support;

namespace SimLoop.PropertyTests;

/// <summary>
/// Law 5 (contrary to a common claim, and true in asyncio too): slicing CPU work with
/// await Sim.Yield() bounds a heartbeat's lateness by the slice size, whatever the total.
/// Setting: a heartbeat (spawned first) sleeps p in a loop; k slicers each run m slices of s, yielding after
/// every slice; main awaits the slicers. Every step costs s or nothing, so steps start at multiples of s.
/// A heartbeat due at d is appended to the ready queue at e = ceil(d/s)·s, the first step boundary at or after
/// d, behind all k slicers (the one that just yielded was queued at the end of its step, before due timers are
/// moved). Those that still have a slice run one each, so the heartbeat starts at e + s·min(k, k·m - e/s):
///   lateness = e - d + s·min(k, k·m - e/s)  &lt;  s + k·s = (k+1)·s.
/// For one slicer and d strictly inside a slice [a, a+s) that is not the last: it runs at a + 2s, lateness
/// a + 2s - d, in (s, 2s). In the last slice it runs at a + s (the slicer's step after its last yield costs
/// nothing), and a heartbeat due exactly on a boundary a runs at a + s.
/// asyncio is one slice later still (a + 3s for one slicer): its timer callback only completes the sleep's future,
/// and the future's done-callback queues the task behind the slicer's next step. SimLoop's timer wakes the
/// awaiter directly (DESIGN: "no extra hop through the queue"), so this law is SimLoop's, not asyncio's.
/// </summary>
public class SlicingLaw
{
    [FsCheck.NUnit.Property(MaxTest = 500, Arbitrary = [typeof(Arbitraries)])]
    public Property A_heartbeat_due_inside_a_slice_runs_one_slice_after_it(OneSlicer w)
    {
        var beats = HeartbeatWakeups(slicers: 1, w.Slices, w.SliceMs, w.PeriodMs, yieldBetweenSlices: true);
        var s = Ms.Of(w.SliceMs);
        var total = w.Slices * (long)w.SliceMs;
        return Expect.All(beats.Select(beat =>
        {
            var d = (long)beat.ReadyAt.TotalMilliseconds;
            var a = d / w.SliceMs * w.SliceMs;
            var expectedStart =
                d % w.SliceMs == 0 ? Ms.Of(Math.Min(d + w.SliceMs, total)) // due on a boundary: one slice later, or at the end
                : a + w.SliceMs < total ? Ms.Of(a) + 2 * s // strictly inside a slice with a next one
                : Ms.Of(a + w.SliceMs); // strictly inside the last slice: its end
            return Expect.All(
                Expect.Equal($"start of the beat due at {Ms.Text(beat.ReadyAt)}", beat.Start, expectedStart),
                Expect.That($"lateness {Ms.Text(beat.SchedulingDelay)} of the beat due at {Ms.Text(beat.ReadyAt)} is under 2s", beat.SchedulingDelay < 2 * s));
        }));
    }

    [FsCheck.NUnit.Property(MaxTest = 500, Arbitrary = [typeof(Arbitraries)])]
    public Property Without_yields_the_heartbeat_is_late_by_the_rest_of_the_job(OneSlicer w)
    {
        // The slices run back to back in one step over [0, C): law 1 with a = 0. The first beat, due at p, runs
        // at C if p < C (lateness C - p); it does not fire before the run ends otherwise.
        var beats = HeartbeatWakeups(slicers: 1, w.Slices, w.SliceMs, w.PeriodMs, yieldBetweenSlices: false);
        var total = w.Slices * (long)w.SliceMs;
        var expected = w.PeriodMs <= total ? $"{Ms.Text(Ms.Of(w.PeriodMs))} -> {Ms.Text(Ms.Of(total))}" : "";
        return Expect.Equal("heartbeat wake-ups (due -> start)", string.Join(", ", beats.Select(b => $"{Ms.Text(b.ReadyAt)} -> {Ms.Text(b.Start)}")), expected);
    }

    [FsCheck.NUnit.Property(MaxTest = 500, Arbitrary = [typeof(Arbitraries)])]
    public Property With_k_slicers_a_heartbeat_is_late_by_less_than_k_plus_one_slices(ManySlicers w)
    {
        var beats = HeartbeatWakeups(w.Slicers, w.Slices, w.SliceMs, w.PeriodMs, yieldBetweenSlices: true);
        var s = w.SliceMs;
        return Expect.All(beats.Select(beat =>
        {
            var d = (long)beat.ReadyAt.TotalMilliseconds;
            var e = (d + s - 1) / s * s;
            var slicesAhead = Math.Min(w.Slicers, (w.Slicers * (long)w.Slices) - (e / s));
            return Expect.All(
                Expect.Equal($"lateness of the beat due at {Ms.Text(beat.ReadyAt)}", beat.SchedulingDelay, Ms.Of(e - d + (s * slicesAhead))),
                Expect.That($"lateness {Ms.Text(beat.SchedulingDelay)} is under (k+1)s", beat.SchedulingDelay < Ms.Of((w.Slicers + 1L) * s)));
        }));
    }

    /// <summary>Runs the setting and returns the heartbeat's timer wake-ups (each one a step of the trace).</summary>
    private static List<TraceStep> HeartbeatWakeups(int slicers, int slices, int sliceMs, int periodMs, bool yieldBetweenSlices)
    {
        var result = Sim.Run(async () =>
        {
            // Spawned first, so its first timer is registered at instant 0, before any slice runs.
            _ = Sim.Spawn("heartbeat", async () =>
            {
                while (true)
                {
                    await Sim.Delay(Ms.Of(periodMs));
                }
            });
            var workers = Enumerable.Range(1, slicers).Select(i => Sim.Spawn("slicer" + i, async () =>
            {
                for (var slice = 0; slice < slices; slice++)
                {
                    Sim.Cpu(Ms.Of(sliceMs));
                    if (yieldBetweenSlices)
                    {
                        await Sim.Yield();
                    }
                }
            })).ToList();
            await Task.WhenAll(workers);
        }, new SimOptions { RecordTrace = true });

        return result.Trace.Steps.Where(step => step.Task == "heartbeat" && step.Reason == ReadyReason.Timer).ToList();
    }

    /// <summary>One slicer of Slices x SliceMs; the heartbeat's period is above 2s so at most one beat falls in any two slices.</summary>
    public sealed record OneSlicer(int Slices, int SliceMs, int PeriodMs);

    public sealed record ManySlicers(int Slicers, int Slices, int SliceMs, int PeriodMs);

    public static class Arbitraries
    {
        public static Arbitrary<OneSlicer> OneSlicers() => Arb.From(
            from m in Gen.Choose(1, 12)
            from s in Gen.Choose(1, 50)
            from p in Gen.Choose((2 * s) + 1, (2 * s) + 200)
            select new OneSlicer(m, s, p),
            w => Shrinks.Toward(w.Slices, 1).Select(m => w with { Slices = m })
                .Concat(Shrinks.Toward(w.SliceMs, 1).Select(s => w with { SliceMs = s }))
                .Concat(Shrinks.Toward(w.PeriodMs, 1).Select(p => w with { PeriodMs = p }))
                .Where(x => x.PeriodMs > 2 * x.SliceMs));

        public static Arbitrary<ManySlicers> ManySlicersArbitrary() => Arb.From(
            from k in Gen.Choose(1, 6)
            from m in Gen.Choose(1, 8)
            from s in Gen.Choose(1, 50)
            from p in Gen.Choose(1, 200)
            select new ManySlicers(k, m, s, p),
            w => Shrinks.Toward(w.Slicers, 1).Select(k => w with { Slicers = k })
                .Concat(Shrinks.Toward(w.Slices, 1).Select(m => w with { Slices = m }))
                .Concat(Shrinks.Toward(w.SliceMs, 1).Select(s => w with { SliceMs = s }))
                .Concat(Shrinks.Toward(w.PeriodMs, 1).Select(p => w with { PeriodMs = p })));
    }
}
