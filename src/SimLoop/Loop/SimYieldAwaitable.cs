using System.Runtime.CompilerServices;

namespace SimLoop;

/// <summary>
/// What <see cref="Sim.Yield"/> returns: awaiting it always gives the loop back, and the task continues behind
/// everything that is ready when its step ends (asyncio.sleep(0)). Allocation-free.
/// </summary>
public readonly struct SimYieldAwaitable : ICriticalNotifyCompletion
{
    /// <summary>Part of the awaiter pattern.</summary>
    public SimYieldAwaitable GetAwaiter() => this;

    /// <summary>Always false: a yield always suspends.</summary>
    public bool IsCompleted => false;

    /// <summary>Part of the awaiter pattern.</summary>
    public void GetResult()
    {
    }

    /// <summary>Queues the continuation; it runs with the ExecutionContext captured here.</summary>
    public void OnCompleted(Action continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        var context = ExecutionContext.Capture();
        Sim.CurrentLoop.EnqueueYield(context is null
            ? continuation
            : () => ExecutionContext.Run(context, static state => ((Action)state!)(), continuation));
    }

    /// <summary>Queues the continuation (async methods restore their own ExecutionContext).</summary>
    public void UnsafeOnCompleted(Action continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        Sim.CurrentLoop.EnqueueYield(continuation);
    }
}
