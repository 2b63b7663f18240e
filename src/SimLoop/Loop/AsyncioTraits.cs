namespace SimLoop.Loop;

/// <summary>
/// The ways asyncio's schedule differs from the default model, each switchable on its own so the cross-check
/// can attribute every disagreement of the default model with CPython to its cause. <see cref="LoopModel.Asyncio"/>
/// is <see cref="All"/>; <see cref="None"/> is the default model's FIFO schedule, run by the asyncio pump. For
/// measurement only (SimOptions.AsyncioTraits is internal); with a trait off, ready items are taken in FIFO order.
/// </summary>
[Flags]
internal enum AsyncioTraits
{
    None = 0,

    /// <summary>A due timer's handle only fires the event; the awaiter it wakes is queued behind everything ready.</summary>
    TwoHopWake = 1,

    /// <summary>Due timers are moved once per pass; then exactly the items ready at that moment run.</summary>
    Batches = 2,

    /// <summary>
    /// The run ends as asyncio.run ends: after the pass that ran main's done callback, not at main's last step; then a
    /// spawned task whose first step is still queued is cancelled without running.
    /// </summary>
    RunEnd = 4,

    /// <summary>The tasks awaiting a spawned task resume in the order they started awaiting (.NET posts the first one last).</summary>
    AwaiterOrder = 8,

    All = TwoHopWake | Batches | RunEnd | AwaiterOrder,
}
