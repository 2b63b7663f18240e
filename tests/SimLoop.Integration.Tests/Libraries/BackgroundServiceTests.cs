using Microsoft.Extensions.Hosting;

namespace SimLoop.Integration.Tests.Libraries;

// A hosted BackgroundService, started and stopped inside the simulation: StartAsync runs ExecuteAsync through the
// thread pool, which runs as a step of the loop; its PeriodicTimer is on Sim.Time.
public class BackgroundServiceTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private sealed class Heartbeat : BackgroundService
    {
        public List<TimeSpan> Beats { get; } = [];

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            using var timer = new PeriodicTimer(Second, Sim.Time);
            try
            {
                while (await timer.WaitForNextTickAsync(stoppingToken))
                {
                    Beats.Add(Sim.Elapsed);
                }
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    [Test]
    public void A_periodic_background_service_beats_every_second_until_stopped_at_3_5_seconds()
    {
        using var service = new Heartbeat();

        var result = Sim.Run(async () =>
        {
            await service.StartAsync(CancellationToken.None);
            await Sim.Delay(3.5 * Second);
            await service.StopAsync(CancellationToken.None);
            return Sim.Elapsed;
        });

        Assert.That(service.Beats, Is.EqualTo(new[] { Second, 2 * Second, 3 * Second }));
        Assert.That(result.Value, Is.EqualTo(3.5 * Second));
    }
}
