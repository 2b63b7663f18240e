using Snapshooter.NUnit;

namespace SimLoop.Tests.Diagnostics;

public class UnobservedExceptionTests
{
    [Test]
    public void A_fire_and_forget_task_that_throws_fails_the_run_naming_it()
    {
        var failure = Assert.Throws<SimulationFailedException>(() => Sim.Run(async () =>
        {
            _ = Sim.Spawn("uploader", async () =>
            {
                await Sim.Delay(TimeSpan.FromMilliseconds(20));
                throw new IOException("disk full");
            });
            await Sim.Delay(TimeSpan.FromSeconds(1));
        }))!;

        Assert.That(failure.Kind, Is.EqualTo(FailureKind.UnobservedException));
        Assert.That(failure.Failure.TaskName, Is.EqualTo("uploader"));
        Assert.That(failure.InnerException, Is.TypeOf<IOException>());
        Snapshot.Match(MessageText.WithoutLineNumbers(failure.Message));
    }

    [Test]
    public void An_observed_failure_of_a_spawned_task_is_fine()
    {
        string? seen = null;
        Sim.Run(async () =>
        {
            var uploader = Sim.Spawn("uploader", async () =>
            {
                await Sim.Yield();
                throw new IOException("disk full");
            });
            try
            {
                await uploader;
            }
            catch (IOException e)
            {
                seen = e.Message;
            }
        });

        Assert.That(seen, Is.EqualTo("disk full"));
    }

    [Test]
    public void A_failure_collected_by_WhenAll_counts_as_observed()
    {
        Assert.DoesNotThrow(() => Sim.Run(async () =>
        {
            var failing = Sim.Spawn("failing", () => throw new IOException("x"));
            try
            {
                await Task.WhenAll(failing);
            }
            catch (IOException)
            {
            }
        }));
    }
}
