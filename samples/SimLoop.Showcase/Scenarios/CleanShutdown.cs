namespace SimLoop.Showcase.Scenarios;

/// <summary>
/// asyncio.run creates a fresh loop, runs main and cleans up. Sim.Run does the same: when main
/// returns, a poller still sleeping is cancelled, and its clean-up code runs at main's last instant.
/// </summary>
internal sealed class CleanShutdown : Scenario
{
    public override string Id => "clean-shutdown";

    public override string Title => "Sim.Run, like asyncio.run, cancels and cleans up what main leaves behind";

    public override ScenarioReport Run(string traceDirectory)
    {
        var cleanedUpAt = TimeSpan.MinValue;
        var result = Sim.Run(async () =>
        {
            _ = Sim.Spawn("poller", async () =>
            {
                try
                {
                    while (true)
                    {
                        await Sim.Delay(TimeSpan.FromSeconds(30));
                    }
                }
                finally
                {
                    cleanedUpAt = Sim.Elapsed;
                }
            });
            await Sim.Delay(TimeSpan.FromSeconds(75));
        }, new SimOptions { RecordTrace = true });

        string nested;
        try
        {
            Sim.Run(() =>
            {
                Sim.Run(() => Task.CompletedTask);
                return Task.CompletedTask;
            });
            nested = "allowed";
        }
        catch (SimulationFailedException e) when (e.InnerException is InvalidOperationException)
        {
            nested = "refused";
        }

        return new ScenarioReport(
            [
                new Check("tasks cancelled when main returned", "poller", string.Join(", ", result.CancelledTasks)),
                new Check("poller's finally ran at", "00:01:15", cleanedUpAt.ToString(@"hh\:mm\:ss", System.Globalization.CultureInfo.InvariantCulture)),
                new Check("Sim.Run inside a running simulation", "refused", nested),
            ],
            result.Fairness.ToString(),
            WriteTrace(result, traceDirectory));
    }
}
