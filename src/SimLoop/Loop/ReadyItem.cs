namespace SimLoop.Loop;

/// <summary>One continuation waiting in the ready queue. A struct so queueing it allocates nothing.</summary>
internal readonly struct ReadyItem
{
    public ReadyItem(SendOrPostCallback callback, object? state, SimTask owner, long readyAt, ReadyReason reason)
    {
        Callback = callback;
        State = state;
        Owner = owner;
        ReadyAt = readyAt;
        Reason = reason;
    }

    public ReadyItem(Action action, SimTask owner, long readyAt, ReadyReason reason)
    {
        Action = action;
        Owner = owner;
        ReadyAt = readyAt;
        Reason = reason;
    }

    public SendOrPostCallback? Callback { get; }

    public object? State { get; }

    /// <summary>Set instead of Callback by SimLoop's own awaiters (the state machine's MoveNext).</summary>
    public Action? Action { get; }

    public SimTask Owner { get; }

    /// <summary>Virtual instant (ticks since the start) from which the item counts as ready.</summary>
    public long ReadyAt { get; }

    public ReadyReason Reason { get; }

    public void Invoke()
    {
        if (Action is not null)
        {
            Action();
        }
        else
        {
            Callback!(State);
        }
    }

    /// <summary>The delegate that runs, for diagnostics only.</summary>
    public object? Target => Action ?? (object?)State ?? Callback;
}
