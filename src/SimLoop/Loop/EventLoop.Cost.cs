using System.Globalization;
using SimLoop.Cost;
using SimLoop.Time;

namespace SimLoop;

// What user code asks of the loop inside a step: declared costs, the worker pool, delays and seeded choices.
public sealed partial class EventLoop
{
    private int _workerDepth;

    /// <summary>True while the work delegate of a Sim.ToThread job runs.</summary>
    internal bool InWorkerWork => _workerDepth > 0;

    /// <summary>Sim.Cpu / Sim.Block: hold the loop (no other step runs) while the clock advances by the cost.</summary>
    internal void Hold(TimeSpan cost, string? label, SectionKind kind)
    {
        var api = kind == SectionKind.Cpu ? "Sim.Cpu" : "Sim.Block";
        if (cost < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(cost), cost, $"{api} needs a non-negative duration.");
        }

        EnsureOnLoopThread(api);
        if (_running is null)
        {
            throw NotInStep(api);
        }

        var start = _now;
        var ticks = cost.Ticks;
        _now += ticks;
        if (kind == SectionKind.Cpu)
        {
            _stepCpu += ticks;
        }
        else
        {
            _stepBlock += ticks;
        }

        // The step's longest section names it in SlowSteps; the first one wins a tie.
        if (ticks > _longestDuration)
        {
            _longestDuration = ticks;
            _longestStart = start;
            _longestLabel = label;
            _longestKind = kind;
        }

        _trace.AddSection(kind, start, ticks, label);
    }

    internal Task<T> ToThread<T>(Func<T>? function, Action? action, TimeSpan cost)
    {
        if (cost < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(cost), cost, "Sim.ToThread needs a non-negative cost.");
        }

        EnsureOnLoopThread("Sim.ToThread");
        var owner = _running ?? throw NotInStep("Sim.ToThread");
        if (_shuttingDown)
        {
            return Task.FromCanceled<T>(new CancellationToken(canceled: true));
        }

        var job = new WorkerJob<T>(function, action, owner);
        var start = _pool.Reserve(_now, cost.Ticks, out var worker);
        _trace.AddWorkerJob(worker, owner.Id, _now, start, cost.Ticks);
        owner.WorkerJobs++;
        owner.WorkerTicks += cost.Ticks;
        owner.MaxQueueDelay = Math.Max(owner.MaxQueueDelay, start - _now);
        _events.Schedule(job, start + cost.Ticks);
        return job.Task;
    }

    /// <summary>Marks the work of a ToThread job as running, so Sim.Cpu and friends inside it fail clearly.</summary>
    internal WorkerScope EnterWorkerWork()
    {
        _workerDepth++;
        return new WorkerScope(this);
    }

    internal Task Delay(TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(delay), delay, "Sim.Delay needs a non-negative delay (TimeSpan.Zero yields, like asyncio.sleep(0)).");
        }

        EnsureOnLoopThread("Sim.Delay");
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        if (_shuttingDown)
        {
            // As asyncio.run cancels a task that sleeps while the loop closes.
            return Task.FromCanceled(new CancellationToken(canceled: true));
        }

        var timer = new DelayEvent(this, isYield: delay == TimeSpan.Zero) { Creator = _running };
        if (cancellationToken.CanBeCanceled)
        {
            timer.CancelWith(cancellationToken);
        }

        if (delay == TimeSpan.Zero)
        {
            // asyncio.sleep(0): exactly a Sim.Yield, queued when the step ends.
            var owner = _running ?? throw NotInStep("Sim.Delay(TimeSpan.Zero)");
            _yields.Add(new PendingYield(null, timer, owner));
        }
        else
        {
            _events.Schedule(timer, _now + delay.Ticks);
        }

        return timer.Task;
    }

    internal int Choose(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        EnsureOnLoopThread("Sim.Choose");
        var chosen = count == 1 ? 0 : RecordDecision(_scheduler.Choose(count), count);
        NoteChoice(string.Create(CultureInfo.InvariantCulture, $"choose {count}: {chosen}"));
        return chosen;
    }

    // The outcomes of the running step, for complete traces only (a failing iteration's rerun): one string per step.
    private string? _stepChoices;

    private void NoteChoice(string outcome)
    {
        if (_trace.RecordsAll)
        {
            _stepChoices = _stepChoices is null ? outcome : _stepChoices + "\n" + outcome;
        }
    }

    internal bool Chance(double probability)
    {
        if (!(probability is >= 0.0 and <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "Sim.Chance needs a probability between 0 and 1.");
        }

        EnsureOnLoopThread("Sim.Chance");

        // Certain outcomes are not decisions: nothing is drawn or recorded, as for a single ready candidate.
        // Certain outcomes are not decisions: nothing is drawn or recorded, as for a single ready candidate.
        var outcome = probability is 0.0 or 1.0 ? probability == 1.0 : RecordDecision(_scheduler.Chance(probability) ? 1 : 0, 2) == 1;
        NoteChoice(string.Create(CultureInfo.InvariantCulture, $"chance {probability}: {(outcome ? "yes" : "no")}"));
        return outcome;
    }

    internal readonly struct WorkerScope(EventLoop loop) : IDisposable
    {
        public void Dispose() => loop._workerDepth--;
    }
}
