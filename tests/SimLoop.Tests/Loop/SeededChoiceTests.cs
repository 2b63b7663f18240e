namespace SimLoop.Tests.Loop;

public class SeededChoiceTests
{
    private static List<int> Draws(ulong seed) => Sim.Run(() =>
    {
        var draws = new List<int>();
        for (var i = 0; i < 20; i++)
        {
            draws.Add(Sim.Choose(10));
            draws.Add(Sim.Chance(0.3) ? 1 : 0);
        }

        return Task.FromResult(draws);
    }, new SimOptions { Seed = seed }).Value;

    [Test]
    public void The_same_seed_gives_the_same_choices()
    {
        var first = Draws(0x2A);
        var second = Draws(0x2A);
        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void Different_seeds_give_different_choices()
    {
        Assert.That(Draws(1), Is.Not.EqualTo(Draws(2)));
    }

    [Test]
    public void Certain_outcomes_draw_nothing()
    {
        var result = Sim.Run(() => Task.FromResult((Sim.Chance(0), Sim.Chance(1), Sim.Choose(1))));
        Assert.That(result.Value, Is.EqualTo((false, true, 0)));
    }

    [Test]
    public void Invalid_arguments_are_refused()
    {
        Assert.Throws<SimulationFailedException>(() => Sim.Run(() => Task.FromResult(Sim.Chance(1.5))));
        Assert.Throws<SimulationFailedException>(() => Sim.Run(() => Task.FromResult(Sim.Chance(double.NaN))));
        Assert.Throws<SimulationFailedException>(() => Sim.Run(() => Task.FromResult(Sim.Choose(0))));
    }
}
