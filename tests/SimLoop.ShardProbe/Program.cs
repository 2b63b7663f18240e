using System.Collections.Concurrent;
using System.Globalization;
using SimLoop;

// dotnet SimLoop.ShardProbe.dll <iterations>
// Explores a test with a rare ordering bug, keeping going after failures, and prints one line per iteration it
// ran ("seed 0x...", once each), then its first failure ("first-failure <iteration> <token>") and its shard.
//
// dotnet SimLoop.ShardProbe.dll busy-loop
// Runs a step that spins forever in a plain Sim.Run: the watchdog must end the process with its report.
if (args[0] == "busy-loop")
{
    Sim.Run(() =>
    {
        while (true)
        {
        }
    }, new SimOptions { WatchdogTimeout = TimeSpan.FromMilliseconds(200) });
    return;
}

var iterations = int.Parse(args[0], CultureInfo.InvariantCulture);
var seeds = new ConcurrentBag<ulong>();
var result = Sim.Explore(async () =>
{
    seeds.Add(Sim.Current.Seed);
    var progress = 0;
    var writer = Sim.Spawn("writer", async () =>
    {
        for (var i = 1; i <= 4; i++)
        {
            progress = i;
            await Sim.Yield();
        }
    });
    var reader = Sim.Spawn("reader", async () =>
    {
        await Sim.Yield();
        if (progress == 1)
        {
            throw new InvalidOperationException("read too early");
        }
    });
    await Task.WhenAll(writer, reader);
}, new ExploreOptions
{
    Seed = 0xD15C0,
    Iterations = iterations,
    Strategy = Strategy.Random,
    StopOnFirstFailure = false,
    Shrink = false,
    CheckDeterminism = false,
    Parallelism = 2,
});

// Distinct: the first failure is rerun once more for its full trace, which is the same iteration again.
foreach (var seed in seeds.Distinct().Order())
{
    Console.WriteLine("seed 0x" + seed.ToString("X", CultureInfo.InvariantCulture));
}

Console.WriteLine(result.Failure is { } failure
    ? $"first-failure {failure.Iteration} {failure.ReplayToken}"
    : "first-failure none");
Console.WriteLine("shard " + result.Shard);
