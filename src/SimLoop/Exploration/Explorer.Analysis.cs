using System.Globalization;
using SimLoop.Diagnostics;
using SimLoop.Loop;
using SimLoop.Tracing;

namespace SimLoop.Exploration;

// After the iterations: every failure is rerun to check that it reproduces (same trace hash, same failure),
// then shrunk, then reported with how it was found.
internal sealed partial class Explorer
{
    private const int MaxFailuresAnalysed = 10;

    private List<SimFailure> AnalyseFailures()
    {
        List<FailedRun> runs;
        lock (_lock)
        {
            runs = _failedRuns.OrderBy(run => run.Slot).ToList();
        }

        if (_options.StopOnFirstFailure)
        {
            runs = runs.Take(1).ToList();
        }
        else
        {
            // Distinct failures: same kind, exception type and task count once (the earliest is kept).
            runs = runs.GroupBy(run => (run.Failure.Kind, run.Failure.Exception?.GetType().FullName, run.Failure.TaskName))
                .Select(group => group.First())
                .Take(MaxFailuresAnalysed)
                .ToList();
        }

        return runs.Select(run => RunOnWorker(stall => Analyse(run, stall), stalled => Report(run, stalled, run.Failure, note: null))).ToList();
    }

    private SimFailure Analyse(FailedRun run, Action<EventLoop> stall)
    {
        var failure = run.Failure;
        if (run.Instead is not null || failure.OnRealTime || failure.Kind == FailureKind.Hang)
        {
            // A hang would hang again; an escape a real thread reported depends on real time: neither replays reliably, so
            // neither is shrunk. A hand-off to a real thread, seen at the step that made it, replays like any failure.
            var why = failure.Kind == FailureKind.Nondeterminism ? null : "not rerun or shrunk: this kind of failure depends on real time";
            return Report(run, run.Loop, failure, why);
        }

        var traced = RerunTraced(run.Plan with { RecordDecisions = true, OnStall = stall });
        if (!_options.CheckDeterminism && traced.PendingFailure is null)
        {
            // Without the check there is no verdict to give: report what the iteration did, and say it did not come back.
            return Report(run, run.Loop, failure, "The failure did not happen again when the iteration was rerun: the test is not deterministic " +
                "(turn CheckDeterminism on to find where two runs part).");
        }

        if (_options.CheckDeterminism)
        {
            Interlocked.Increment(ref _determinismChecks);
            if (traced.PendingFailure is not { } again || !SameFailure(failure, again) || traced.TraceHash != run.Loop.TraceHash)
            {
                return Report(run, traced, Nondeterministic(run, run.Loop, traced, stall), note: null);
            }
        }

        if (!_options.Shrink || traced.Decisions is not { Count: > 0 } decisions)
        {
            return Report(run, traced, traced.PendingFailure!, note: null);
        }

        var shrinker = new Shrinker(plan => RerunTraced(plan with { OnStall = stall }), run.Plan with { Scheduler = null }, failure, _options.MaxShrinkRuns);
        var (shrunk, proof) = shrinker.Shrink(decisions);
        var best = proof ?? traced;
        var original = RunPlan.TrimTrailingZeros(decisions);
        if (original.Count == 0)
        {
            // Already asyncio's own order: nothing to shrink.
            return Report(run, traced, traced.PendingFailure!, note: null);
        }

        var note = string.Create(CultureInfo.InvariantCulture,
            $"Shrunk from {original.Count} to {shrunk.Count} decisions ({original.Count(d => d != 0)} to {shrunk.Count(d => d != 0)} away from FIFO) in {shrinker.Runs} runs.");
        return Report(run, best, best.PendingFailure!, note);
    }

    private EventLoop RerunTraced(RunPlan plan) => Execute(_runOptions with { RecordTrace = true }, plan);

    /// <summary>Passing iteration selected for the determinism check: run it again and compare the schedules.</summary>
    private void CheckPassingIteration(int slot, EventLoop first, RunPlan plan)
    {
        Interlocked.Increment(ref _determinismChecks);
        var second = RunIteration(plan);
        if (second.TraceHash != first.TraceHash || second.Failure is not null)
        {
            Record(slot, second, plan, Nondeterministic(new FailedRun(slot, first, plan, null), first, second, plan.OnStall ?? (_ => { })));
        }
    }

    /// <summary>The same seed gave two runs: find where they parted, with two more traced runs if needed.</summary>
    private RunFailure Nondeterministic(FailedRun run, EventLoop first, EventLoop second, Action<EventLoop> stall)
    {
        var where = Divergence.Describe(first.BuildTrace(), second.BuildTrace());
        if (where is null)
        {
            var a = RerunTraced(run.Plan with { OnStall = stall });
            var b = RerunTraced(run.Plan with { OnStall = stall });
            where = Divergence.Describe(a.BuildTrace(), b.BuildTrace()) ?? Divergence.Describe(first.BuildTrace(), a.BuildTrace());
        }

        return new RunFailure(
            FailureKind.Nondeterminism,
            string.Create(CultureInfo.InvariantCulture,
                $"iteration {IterationOf(run.Slot)} gave two different runs from the same seed (trace hashes {TimeFormat.Hex(first.TraceHash)} and {TimeFormat.Hex(second.TraceHash)}); " +
                $"{where ?? "the difference lies before the steps that were kept"}.\n  first run:  {Outcome(first)}\n  second run: {Outcome(second)}"),
            Why: "Every decision of a run comes from its seed, so two runs of one seed must be identical. A difference means something outside the " +
                 "simulation fed the schedule: the real clock (DateTime.Now, Stopwatch), Random.Shared, a hash code or a dictionary's order, static state " +
                 "left by an earlier iteration, or a real thread.",
            Fix: "Look at the tasks at the first divergence: take time from Sim.Time, randomness from Sim.Choose/Sim.Chance, reset static state per run, " +
                 "and keep work on the loop.");
    }

    private static string Outcome(EventLoop run) =>
        run.PendingFailure is { } failure ? $"{failure.Kind}: {failure.What.Split('\n')[0]}" : "passed";

    private SimFailure Report(FailedRun run, EventLoop loop, RunFailure failure, string? note)
    {
        var iteration = IterationOf(run.Slot);
        var header = string.Create(CultureInfo.InvariantCulture,
            $"Found by exploration at iteration {iteration} of {_options.Iterations} (strategy {run.Plan.Strategy.Name}, base seed {TimeFormat.Hex(_baseSeed)}" +
            $"{(_shard.Count > 1 ? $", shard {_shard}" : "")}); the whole exploration reruns with SIMLOOP_SEED={TimeFormat.Hex(_baseSeed)}.");
        return loop.ToFailure(iteration, note is null ? header : header + "\n" + note, failure);
    }
}
