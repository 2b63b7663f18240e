using SimLoop.Diagnostics;

namespace SimLoop.Tracing;

/// <summary>
/// Where a failure's exception was thrown in the code under test, for the timeline's failing step:
/// "AccountTests.Withdraw(Int32) in AccountTests.cs:line 42" (file name only, so the page is the same on every machine).
/// </summary>
internal static class FailureSource
{
    public static string? Of(SimFailure failure)
    {
        if (failure.Exception is null || FailureReport.StackOf(failure.Exception) is not { Length: > 0 } stack)
        {
            return null;
        }

        var frame = stack.Split('\n')[0].Trim();
        frame = frame.StartsWith("at ", StringComparison.Ordinal) ? frame[3..] : frame;
        var at = frame.LastIndexOf(" in ", StringComparison.Ordinal);
        var line = frame.LastIndexOf(":line ", StringComparison.Ordinal);
        if (at < 0 || line < at)
        {
            return frame;
        }

        var path = frame[(at + 4)..line];
        return frame[..at] + " in " + Path.GetFileName(path.Replace('\\', '/')) + frame[line..];
    }
}
