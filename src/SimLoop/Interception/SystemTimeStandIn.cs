namespace SimLoop.Interception;

/// <summary>
/// What a rewritten <c>TimeProvider.System</c> returns inside a simulation: the simulation's clock under a distinct
/// identity. Distinct, because libraries compare a provider they were given with <c>TimeProvider.System</c> to pick a
/// "real clock" shortcut: code given <see cref="Sim.Time"/> must still see a provider of its own, and code that took
/// the default still gets virtual time. One per loop, so nothing keyed by it outlives the simulation.
/// </summary>
internal sealed class SystemTimeStandIn(TimeProvider simulation) : TimeProvider
{
    public override long TimestampFrequency => simulation.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => simulation.LocalTimeZone;

    public override DateTimeOffset GetUtcNow() => simulation.GetUtcNow();

    public override long GetTimestamp() => simulation.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        simulation.CreateTimer(callback, state, dueTime, period);

    public override string ToString() => "SimLoop virtual time (standing in for TimeProvider.System)";
}
