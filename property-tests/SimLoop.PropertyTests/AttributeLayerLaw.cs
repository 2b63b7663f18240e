using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using SimLoop.NUnit;
using SimLoop.PropertyTests.Support;

namespace SimLoop.PropertyTests;

/// <summary>
/// The attribute layer adds no behaviour of its own: [SimTest(Seed, Iterations, Strategy)] resolves to options
/// under which Sim.Explore finds exactly what Sim.Explore with the same seed and strategy finds (same iterations,
/// same distinct schedules, same first failure and replay token), whatever the parallelism.
/// </summary>
public class AttributeLayerLaw
{
    private static readonly SimStrategy[] s_strategies =
        [SimStrategy.Portfolio, SimStrategy.Fifo, SimStrategy.Random, SimStrategy.Pct, SimStrategy.RandomDelays, SimStrategy.DelayBounded];

    [FsCheck.NUnit.Property(MaxTest = 200)]
    public Property The_same_seed_gives_the_same_outcome_through_the_attribute_as_through_Sim_Explore(PositiveInt seed, NonNegativeInt strategyIndex, NonNegativeInt extraTasks)
    {
        var strategy = s_strategies[strategyIndex.Get % s_strategies.Length];
        var tasks = 2 + (extraTasks.Get % 3);
        var attribute = new SimTestAttribute
        {
            Seed = "0x" + ((ulong)seed.Get).ToString("X", CultureInfo.InvariantCulture),
            Iterations = 30,
            Strategy = strategy,
            PctDepth = 2,
        };

        var settings = SimTestSettings.Resolve(attribute, "Tests.Law", _ => null, _ => null, _ => null, out var problems);
        var viaAttribute = Sim.Explore(() => Body(tasks), settings.Options);
        var direct = Sim.Explore(() => Body(tasks), new ExploreOptions
        {
            Seed = (ulong)seed.Get,
            Iterations = 30,
            Strategy = strategy switch
            {
                SimStrategy.Fifo => Strategy.Fifo,
                SimStrategy.Random => Strategy.Random,
                SimStrategy.Pct => Strategy.Pct(2),
                SimStrategy.RandomDelays => Strategy.RandomDelays(),
                SimStrategy.DelayBounded => Strategy.DelayBounded(30),
                _ => Strategy.Portfolio,
            },
            Parallelism = 2,
        });

        return Expect.All(
            Expect.Equal("settings problems", problems.Count, 0),
            Expect.Equal("iterations", viaAttribute.Iterations, direct.Iterations),
            Expect.Equal("distinct schedules", viaAttribute.DistinctSchedules, direct.DistinctSchedules),
            Expect.Equal("first failing iteration", viaAttribute.Failure?.Iteration, direct.Failure?.Iteration),
            Expect.Equal("failure kind", viaAttribute.Failure?.Kind, direct.Failure?.Kind),
            Expect.Equal("replay token", viaAttribute.Failure?.ReplayToken, direct.Failure?.ReplayToken))
            .Label($"{tasks} tasks, strategy {strategy}, seed {seed.Get}");
    }

    // Tasks that finish in reverse creation order break the "invariant": an order-dependent bug some schedules hit.
    private static async Task Body(int tasks)
    {
        var finished = new List<int>();
        await Task.WhenAll(Enumerable.Range(0, tasks).Select(i => Sim.Spawn("t" + i, async () =>
        {
            await Sim.Yield();
            await Sim.Yield();
            finished.Add(i);
        })));
        if (finished.SequenceEqual(Enumerable.Range(0, tasks).Reverse()))
        {
            throw new InvalidOperationException("finished in reverse order");
        }
    }
}
