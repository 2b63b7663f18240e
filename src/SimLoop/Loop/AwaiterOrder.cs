namespace SimLoop.Loop;

/// <summary>
/// asyncio resumes the tasks awaiting a task in the order they started awaiting (a future's done callbacks run in
/// the order they were added). .NET does too, except for the first awaiter: a completing task keeps its first
/// continuation to run inline and forces the others asynchronous first, so with a SynchronizationContext the first
/// awaiter is posted last (awaiters 2, 3, ..., n, 1). Registering a continuation before any awaiter moves that
/// exception onto it: this one is posted to a context that discards it, and the real awaiters keep their order.
/// Used for the tasks Sim.Spawn returns in LoopModel.Asyncio; a TaskCompletionSource of your own keeps .NET's order.
/// </summary>
internal static class AwaiterOrder
{
    private static readonly SynchronizationContext s_discard = new DiscardingContext();
    private static readonly Action s_nothing = static () => { };

    public static void KeepRegistrationOrder(Task task)
    {
        var current = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(s_discard);
        try
        {
            task.GetAwaiter().UnsafeOnCompleted(s_nothing);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(current);
        }
    }

    /// <summary>Stateless, so one instance serves every simulation on every thread.</summary>
    private sealed class DiscardingContext : SynchronizationContext
    {
        public override void Post(SendOrPostCallback d, object? state)
        {
        }

        public override void Send(SendOrPostCallback d, object? state)
        {
        }
    }
}
