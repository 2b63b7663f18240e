namespace SimLoop.NUnit.TestData;

// Sim.Explore from a plain [Test]: iterations run in NUnit's isolated contexts, so the many failing Assert.That
// calls of exploration and shrinking stay out of this test's result; ThrowIfFailed reports the one shrunk failure.
public class PlainExplore
{
    [Test]
    public void Explore_from_a_plain_test_reports_one_failure()
    {
        Sim.Explore(async () =>
        {
            var counter = 0;
            async Task Increment()
            {
                var read = counter;
                await Sim.Yield();
                counter = read + 1;
            }

            var first = Sim.Spawn("first", Increment);
            await Sim.Yield();
            var second = Sim.Spawn("second", Increment);
            await Task.WhenAll(first, second);
            Assert.That(counter, Is.EqualTo(2));
        }, new ExploreOptions { Seed = 0x5EED, Iterations = 100 }).ThrowIfFailed();
    }
}
