#pragma warning disable CS0618 // ISystemClock is what MemoryCacheOptions.Clock takes
using Microsoft.Extensions.Internal;

namespace SimLoop.Integration.Tests.Libraries;

/// <summary>MemoryCache takes its clock as an ISystemClock rather than a TimeProvider: this one reads Sim.Time.</summary>
internal sealed class SimSystemClock : ISystemClock
{
    public DateTimeOffset UtcNow => Sim.Time.GetUtcNow();
}
