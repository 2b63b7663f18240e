namespace SimLoop.Exploration;

/// <summary>
/// NUnit records a failed Assert.That in the running test's result before it throws, even when the exception is
/// caught. An exploration runs many iterations (some fail on purpose while shrinking), so without isolation the
/// test would collect every intermediate assertion, from several threads at once. When NUnit is loaded and a test
/// is running, each iteration therefore runs inside NUnit's own TestExecutionContext.IsolatedContext: its
/// assertions are recorded there and thrown away, and only the exploration's verdict reaches the test.
/// Found by reflection so the engine depends on nothing but the BCL; without NUnit this does nothing.
/// </summary>
internal static class TestFrameworkIsolation
{
    private static readonly Type? s_isolatedContext =
        Type.GetType("NUnit.Framework.Internal.TestExecutionContext+IsolatedContext, nunit.framework", throwOnError: false);

    private static readonly Type? s_executionContext =
        Type.GetType("NUnit.Framework.Internal.TestExecutionContext, nunit.framework", throwOnError: false);

    private static readonly System.Reflection.PropertyInfo? s_currentContext = s_executionContext?.GetProperty("CurrentContext");

    private static readonly System.Reflection.PropertyInfo? s_currentTest = s_executionContext?.GetProperty("CurrentTest");

    /// <summary>Enters an isolated NUnit context on this thread when one applies; dispose to leave it.</summary>
    public static IDisposable? Enter()
    {
        if (s_isolatedContext is null || !InsideNUnitTest())
        {
            return null;
        }

        return Activator.CreateInstance(s_isolatedContext) as IDisposable;
    }

    private static bool InsideNUnitTest()
    {
        // An ad-hoc context (code outside any test) has no test to protect.
        var current = s_currentContext?.GetValue(null);
        return current is not null && current.GetType().Name != "AdhocContext" && s_currentTest?.GetValue(current) is not null;
    }
}
