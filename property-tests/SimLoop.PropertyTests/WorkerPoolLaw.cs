using FsCheck;
using FsCheck.Fluent;
using SimLoop.PropertyTests.Support;

namespace SimLoop.PropertyTests;

/// <summary>
/// Law 4: k ToThread jobs of cost c submitted at once to w workers run in
/// waves of w: the i-th (1-based) finishes at ceil(i/w)·c, the batch at ceil(k/w)·c, and the longest wait for a
/// worker is (ceil(k/w) - 1)·c. The loop itself stays free: a heartbeat sleeping p in a loop is never late.
/// </summary>
public class WorkerPoolLaw
{
    [FsCheck.NUnit.Property(MaxTest = 500, Arbitrary = [typeof(Arbitraries)])]
    public Property Offloaded_jobs_finish_in_waves_of_the_pool_size_and_leave_the_loop_free(Offload w)
    {
        var finishedAt = new TimeSpan[w.Jobs];
        var result = Sim.Run(async () =>
        {
            _ = Sim.Spawn("heartbeat", async () =>
            {
                while (true)
                {
                    await Sim.Delay(Ms.Of(w.PeriodMs));
                }
            });

            // All submitted in main's first step, at instant 0, in index order.
            var jobs = Enumerable.Range(0, w.Jobs)
                .Select(i => Sim.ToThread(() => finishedAt[i] = Sim.Elapsed, Ms.Of(w.CostMs)))
                .ToList();
            await Task.WhenAll(jobs);
        }, new SimOptions { WorkerThreads = w.Workers, RecordTrace = true });

        // The work delegate runs when the loop processes the job's finish event; the loop is idle (every step
        // costs nothing), so that is the finish instant itself.
        var finishes = Enumerable.Range(1, w.Jobs).Select(i => Expect.Equal(
            $"finish of job {i}", finishedAt[i - 1], Ms.Of((long)CeilDiv(i, w.Workers) * w.CostMs)));
        var waves = CeilDiv(w.Jobs, w.Workers);

        // Never late, so the heartbeat's wake-ups are exactly p, 2p, ... up to the end of the run (one due at the
        // very end is already queued when main finishes and runs while the loop shuts down).
        var beats = result.Trace.Steps.Where(s => s.Task == "heartbeat" && s.Reason == ReadyReason.Timer).Select(s => Ms.Text(s.Start));
        var onSchedule = Enumerable.Range(1, waves * w.CostMs / w.PeriodMs).Select(j => Ms.Text(Ms.Of((long)j * w.PeriodMs)));
        return Expect.All(finishes.Concat(
        [
            Expect.Equal("heartbeat wake-ups", string.Join(", ", beats), string.Join(", ", onSchedule)),
            Expect.Equal("elapsed", result.Elapsed, Ms.Of((long)waves * w.CostMs)),
            Expect.Equal("pool's max queue delay", result.Fairness.Workers.MaxQueueDelay, Ms.Of((waves - 1L) * w.CostMs)),
            Expect.Equal("max loop lag", result.Fairness.MaxLoopLag, TimeSpan.Zero),
            Expect.Equal("heartbeat's max timer lateness", result.Fairness.Task("heartbeat").MaxTimerLateness, TimeSpan.Zero),
            Expect.Equal("loop busy", result.Fairness.LoopBusy, TimeSpan.Zero),
        ]));
    }

    private static int CeilDiv(int a, int b) => (a + b - 1) / b;

    public sealed record Offload(int Jobs, int Workers, int CostMs, int PeriodMs);

    public static class Arbitraries
    {
        public static Arbitrary<Offload> Offloads() => Arb.From(
            from k in Gen.Choose(1, 12)
            from w in Gen.Choose(1, 6)
            from c in Gen.Choose(1, 500)
            from p in Gen.Choose(10, 200)
            select new Offload(k, w, c, p),
            o => Shrinks.Toward(o.Jobs, 1).Select(k => o with { Jobs = k })
                .Concat(Shrinks.Toward(o.Workers, 1).Select(w => o with { Workers = w }))
                .Concat(Shrinks.Toward(o.CostMs, 1).Select(c => o with { CostMs = c }))
                .Concat(Shrinks.Toward(o.PeriodMs, 10).Select(p => o with { PeriodMs = p })));
    }
}
