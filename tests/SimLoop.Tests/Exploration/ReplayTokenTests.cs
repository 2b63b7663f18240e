using SimLoop.Exploration;

namespace SimLoop.Tests.Exploration;

public class ReplayTokenTests
{
    [Test]
    public void A_token_without_decisions_round_trips()
    {
        var token = new ReplayToken("fifo", 0x2A, null);
        Assert.That(ReplayToken.Parse(token.ToString()), Is.EqualTo(token));
        Assert.That(token.ToString(), Does.StartWith("SL1_fifo_2A_"));
    }

    [Test]
    public void A_decision_list_round_trips_compactly()
    {
        int[] decisions = [0, 0, 0, 3, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 47, 0, 0];
        var text = new ReplayToken("random", 0xDEADBEEF, decisions).ToString();
        var parsed = ReplayToken.Parse(text);

        Assert.That(parsed.Decisions, Is.EqualTo(decisions));
        Assert.That(text, Does.Match("^SL1_random_DEADBEEF_[0-9a-v]+_[0-9a-f]{4}$"));
    }

    [Test]
    public void A_scoped_token_round_trips_with_and_without_decisions()
    {
        var plain = new ReplayToken("fifo", 0x2A, null).ScopedTo("Ns.Fixture.Test(3)");
        var shrunk = new ReplayToken("random", 0x2A, [0, 2, 0, 1]).ScopedTo("Ns.Fixture.Test(3)");

        Assert.That(ReplayToken.Parse(plain.ToString()), Is.EqualTo(plain));
        Assert.That(ReplayToken.Parse(shrunk.ToString()).Decisions, Is.EqualTo(new[] { 0, 2, 0, 1 }));
        Assert.That(plain.ToString(), Does.Match("^SL1_fifo_2A_T[0-9a-f]{8}_[0-9a-f]{4}$"));
        Assert.That(shrunk.ToString(), Does.Match("^SL1_random_2A_[0-9a-v]+_T[0-9a-f]{8}_[0-9a-f]{4}$"));
    }

    [Test]
    public void A_scoped_token_applies_only_to_the_name_it_was_made_for()
    {
        var token = new ReplayToken("fifo", 0x2A, null).ScopedTo("Ns.Fixture.Test(3)");

        Assert.That(token.AppliesTo("Ns.Fixture.Test(3)"), Is.True);
        Assert.That(token.AppliesTo("Ns.Fixture.Test(4)"), Is.False);
        Assert.That(new ReplayToken("fifo", 0x2A, null).AppliesTo("anything"), Is.True, "an unscoped token names nothing");
    }

    [Test]
    public void The_engine_replays_a_scoped_token_like_the_unscoped_one()
    {
        var first = FirstFailure();
        var scoped = ReplayToken.Parse(first.ReplayToken).ScopedTo("Ns.Fixture.Test").ToString();

        var replayed = Assert.Throws<SimulationFailedException>(() => Sim.Run(FaultyScenario, new SimOptions { Replay = scoped }))!;

        Assert.That(replayed.Failure.Trace.Hash, Is.EqualTo(first.Failure.Trace.Hash));
    }

    [Test]
    public void A_cut_token_is_refused_with_what_a_valid_one_looks_like()
    {
        var text = new ReplayToken("fifo", 0x2A, [1, 2]).ToString();
        var cut = text[..^1];
        var error = Assert.Throws<ArgumentException>(() => ReplayToken.Parse(cut))!;
        Assert.That(error.Message, Is.EqualTo(
            $"The replay token '{cut}' is not valid: its check digits do not match (the token was cut or mistyped; copy it whole from the failure message). " +
            "A replay token looks like SL1_random_2A_3f0c (version, strategy, seed in hex, an optional decision list, an optional scope naming the test that made it, check digits); a failing run prints it after 'replay with'."));
    }

    [Test]
    public void A_token_of_another_version_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => ReplayToken.Parse("SL9_fifo_2A_0000"))!;
        Assert.That(error.Message, Does.Contain("it is version 'SL9', and this SimLoop reads version SL1 only"));
    }

    [Test]
    public void Garbage_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => ReplayToken.Parse("hello"))!;
        Assert.That(error.Message, Does.StartWith("The replay token 'hello' is not valid: it does not have the form SL1_<strategy>_<seed>[_<decisions>][_T<scope>]_<check>."));
    }

    [Test]
    public void A_failure_replays_from_its_token_with_the_same_message_and_trace()
    {
        var first = FirstFailure();
        var replayed = Assert.Throws<SimulationFailedException>(() => Sim.Run(FaultyScenario, new SimOptions { Replay = first.ReplayToken }))!;

        Assert.That(replayed.Message, Is.EqualTo(first.Message));
        Assert.That(replayed.Failure.Trace.Hash, Is.EqualTo(first.Failure.Trace.Hash));
    }

    private static async Task FaultyScenario()
    {
        await Sim.Delay(TimeSpan.FromMilliseconds(Sim.Choose(1000)));
        if (Sim.Chance(0.5))
        {
            throw new InvalidOperationException("fault injected at " + Sim.Elapsed);
        }
    }

    private static SimulationFailedException FirstFailure()
    {
        for (ulong seed = 0; seed < 64; seed++)
        {
            try
            {
                Sim.Run(FaultyScenario, new SimOptions { Seed = seed });
            }
            catch (SimulationFailedException failure)
            {
                return failure;
            }
        }

        throw new AssertionException("no seed below 64 injected the fault");
    }
}
