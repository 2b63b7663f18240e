using System.Reflection;

namespace SimLoop.Diagnostics;

/// <summary>
/// Whether anyone observed a faulted task's exception (awaited it, read .Exception, waited on it, Task.WhenAll).
/// The runtime keeps exactly this flag for its UnobservedTaskException event but fires that event only when the
/// task is garbage-collected, at a nondeterministic time; SimLoop reads the flag at the end of the run instead.
/// Read by reflection on a failure path only; a runtime that renamed the fields makes every exception count as
/// unobserved, which is loud rather than silent.
/// </summary>
internal static class ExceptionObservation
{
    private const BindingFlags Instance = BindingFlags.NonPublic | BindingFlags.Instance;
    private static readonly FieldInfo? s_contingentProperties = typeof(Task).GetField("m_contingentProperties", Instance);

    public static bool IsObserved(Task faulted)
    {
        var properties = s_contingentProperties?.GetValue(faulted);
        var holder = properties?.GetType().GetField("m_exceptionsHolder", Instance)?.GetValue(properties);
        return holder?.GetType().GetField("m_isHandled", Instance)?.GetValue(holder) is true;
    }
}
