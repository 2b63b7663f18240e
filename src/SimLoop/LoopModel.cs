namespace SimLoop;

/// <summary>
/// Which event loop's schedule a run reproduces. Chosen once per run with <see cref="SimOptions.LoopModel"/>; the
/// default model is what SimLoop always did, the asyncio model is CPython's <c>BaseEventLoop._run_once</c>.
/// </summary>
public enum LoopModel
{
    /// <summary>
    /// asyncio-like: due timers are moved to the ready queue before every step and a timer wakes its awaiter directly
    /// (one hop). Its fairness laws are the simplest (docs/fairness.md).
    /// </summary>
    Default,

    /// <summary>
    /// asyncio-exact: the ready queue runs in batches (due timers are moved once per pass, then exactly the items that
    /// were ready at that moment run), a timer only completes what it guards and the awaiter is queued behind everything
    /// already ready (two hops, as <c>asyncio.sleep</c>'s timer handle and <c>Task.__wakeup</c>), and the run stops as
    /// <c>asyncio.run</c> stops: after the pass in which main's done callback ran. The tasks awaiting a spawned task
    /// resume in the order they started awaiting. Strategies choose only the order of timers due at the same instant,
    /// the one order asyncio leaves undefined.
    /// </summary>
    Asyncio,
}
