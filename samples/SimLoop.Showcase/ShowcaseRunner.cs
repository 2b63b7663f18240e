using System.Text;
using SimLoop.Showcase.Scenarios;

namespace SimLoop.Showcase;

/// <summary>Runs every scenario and renders one report. The text is deterministic (virtual time only) except for the trace files' directory.</summary>
internal static class ShowcaseRunner
{
    public static IReadOnlyList<Scenario> All { get; } =
    [
        new FrozenLoop(), new CleanShutdown(), new BlockingCall(), new OffloadToThread(), new CpuGainsNothing(),
        new YieldHelps(), new WhoHeldTheLoop(), new FoundBug(), new RealCodeOnTheLoop(), new TwoLoopModels(),
    ];

    public static (string Text, bool AllHold) Run(string traceDirectory)
    {
        var text = new StringBuilder();
        var allHold = true;
        var number = 0;
        foreach (var scenario in All)
        {
            number++;
            var report = scenario.Run(traceDirectory);
            allHold &= report.AllHold;
            text.Append("== ").Append(number).Append(". ").Append(scenario.Title).Append('\n');
            foreach (var check in report.Checks)
            {
                text.Append("   ").Append(check.What).Append(": predicted ").Append(check.Predicted)
                    .Append(", observed ").Append(check.Observed).Append(check.Holds ? "  [holds]" : "  [DIFFERS]").Append('\n');
            }

            foreach (var line in report.Details.Split('\n'))
            {
                text.Append("   | ").Append(line).Append('\n');
            }

            if (report.Traces is { } traces)
            {
                text.Append("   trace: ").Append(Path.GetRelativePath(traceDirectory, traces.Json)).Append('\n');
                text.Append("   timeline: ").Append(Path.GetRelativePath(traceDirectory, traces.Html)).Append('\n');
            }

            text.Append('\n');
        }

        return (text.ToString(), allHold);
    }
}
