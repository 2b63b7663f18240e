using SimLoop.Loop;

namespace SimLoop.Scheduling;

/// <summary>
/// Replays a recorded decision list. When the list runs out every further choice is index 0 (FIFO), and a
/// recorded index that no longer fits (the program changed) falls back to 0 too and marks the replay diverged:
/// shrinking deletes and lowers decisions freely on this basis.
/// </summary>
internal sealed class ReplayScheduler(ulong seed, IReadOnlyList<int> decisions) : Scheduler(seed)
{
    private int _next;

    public bool Diverged { get; private set; }

    /// <summary>Recorded decisions consumed so far.</summary>
    public int Consumed => _next;

    public override int PickReady(ReadyQueue ready) => Next(ready.Count);

    public override int PickEvent(int count) => Next(count);

    public override int Choose(int count) => Next(count);

    public override bool Chance(double probability) => Next(2) == 1;

    private int Next(int count)
    {
        if (_next >= decisions.Count)
        {
            return 0;
        }

        var decision = decisions[_next++];
        if (decision < count)
        {
            return decision;
        }

        Diverged = true;
        return 0;
    }
}
