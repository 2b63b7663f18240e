namespace SimLoop.Tests.Docs;

// Example messages of the failure kinds that no other test pins as a whole: docs/errors.md shows them
// (ErrorsDocTests checks that it shows exactly these).
public class ErrorExampleTests
{
    [Test]
    public void An_exception_of_main_names_the_exception_and_where_it_was_thrown()
    {
        var error = Assert.Throws<SimulationFailedException>(() => Sim.Run(async () =>
        {
            await Sim.Delay(TimeSpan.FromSeconds(1));
            throw new InvalidOperationException("the order was already shipped");
        }))!;

        Assert.That(error.Kind, Is.EqualTo(FailureKind.Exception));
        Snapshooter.NUnit.Snapshot.Match(Normalise(error.Message));
    }

    [Test]
    public void A_schedule_that_differs_for_the_same_seed_is_reported_as_nondeterminism()
    {
        var runs = 0;
        var result = Sim.Explore(async () =>
        {
            // State that survives from one run to the next: the same seed no longer gives the same schedule.
            if (Interlocked.Increment(ref runs) % 2 == 0)
            {
                await Sim.Yield();
            }
        }, new ExploreOptions { Seed = 7, Iterations = 10, Parallelism = 1 });

        Assert.That(result.Failure!.Kind, Is.EqualTo(FailureKind.Nondeterminism));
        Snapshooter.NUnit.Snapshot.Match(Normalise(result.Failure.Message));
    }

    // Stack frames carry the machine's source path, and line numbers move when this file is edited.
    internal static string Normalise(string message) =>
        System.Text.RegularExpressions.Regex.Replace(
            System.Text.RegularExpressions.Regex.Replace(message, @" in (?:[A-Za-z]:)?[/\\][^:\n]*[/\\](?=[^/\\\n]+\.cs:line)", " in "),
            @":line \d+", ":line N");
}
