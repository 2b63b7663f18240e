namespace SimLoop.Loop;

/// <summary>
/// The SynchronizationContext installed for exactly one step. A fresh object per step is what stops .NET from
/// running a continuation inline: the runtime inlines an awaiting continuation only when the context it captured
/// is the current one, and a continuation captured in an earlier step never sees its own object again. So
/// <c>tcs.SetResult()</c> in task C queues the waiter B as a step of its own, and a parent awaiting a child
/// resumes after the child's last step, not inside it (asyncio's call_soon semantics).
/// The object also carries the step's owner: whatever posts to it later is a continuation of that task.
/// </summary>
internal sealed class StepContext : SynchronizationContext
{
    public StepContext(EventLoop loop, SimTask owner)
    {
        Loop = loop;
        Owner = owner;
    }

    public EventLoop Loop { get; }

    public SimTask Owner { get; }

    public override void Post(SendOrPostCallback d, object? state) => Loop.Post(Owner, d, state);

    public override void Send(SendOrPostCallback d, object? state) => Loop.Send(Owner, d, state);

    // Copies would defeat the per-step identity; nothing in the simulation needs a distinct copy.
    public override SynchronizationContext CreateCopy() => this;
}
