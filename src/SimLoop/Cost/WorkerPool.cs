namespace SimLoop.Cost;

/// <summary>
/// The simulated worker pool behind <see cref="Sim.ToThread(Action, TimeSpan)"/>: a fixed number of workers and a
/// FIFO queue. Jobs are submitted in virtual-time order, so a job's start and finish are known at submission:
/// start = max(submission, earliest instant a worker is free), finish = start + cost. No queue is kept at all.
/// </summary>
internal sealed class WorkerPool
{
    private readonly long[] _freeAt;

    public WorkerPool(int workers) => _freeAt = new long[workers];

    public int Workers => _freeAt.Length;

    public long Jobs { get; private set; }

    public long BusyTicks { get; private set; }

    public long MaxQueueDelay { get; private set; }

    public long TotalQueueDelay { get; private set; }

    /// <summary>Assigns the job to the worker free earliest (lowest index on a tie) and returns its start instant.</summary>
    public long Reserve(long now, long cost, out int worker)
    {
        worker = 0;
        for (var i = 1; i < _freeAt.Length; i++)
        {
            if (_freeAt[i] < _freeAt[worker])
            {
                worker = i;
            }
        }

        var start = Math.Max(now, _freeAt[worker]);
        _freeAt[worker] = start + cost;

        var queueDelay = start - now;
        Jobs++;
        BusyTicks += cost;
        TotalQueueDelay += queueDelay;
        MaxQueueDelay = Math.Max(MaxQueueDelay, queueDelay);
        return start;
    }
}
