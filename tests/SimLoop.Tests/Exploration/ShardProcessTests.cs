using System.Diagnostics;
using System.Reflection;
using SimLoop.Random;

namespace SimLoop.Tests.Exploration;

// Sharding across machines, played out on this one: n processes, each told its shard by the environment as a CI
// matrix or a Kubernetes Indexed Job would, together run every iteration exactly once and report the same first
// failure as one unsharded process.
public class ShardProcessTests
{
    private const int Iterations = 300;

    [Test]
    public void Three_shard_processes_cover_every_iteration_once_and_find_the_unsharded_first_failure()
    {
        var unsharded = Probe(new Dictionary<string, string>());
        var shards = Enumerable.Range(0, 3).Select(i => Probe(new Dictionary<string, string> { ["SIMLOOP_SHARD"] = $"{i}/3" })).ToList();

        var expected = Enumerable.Range(0, Iterations).Select(i => SplitMix64.At(0xD15C0, (ulong)i)).Order().ToList();
        Assert.That(unsharded.Seeds, Is.EqualTo(expected));
        Assert.That(shards.SelectMany(s => s.Seeds).Order(), Is.EqualTo(expected), "together, once each");
        Assert.That(shards.Select(s => s.Shard), Is.EqualTo(new[] { "0/3", "1/3", "2/3" }));

        var first = shards.Where(s => s.FirstFailure is not null).MinBy(s => s.FirstFailure!.Value.Iteration);
        Assert.That(unsharded.FirstFailure, Is.Not.Null);
        Assert.That(first!.FirstFailure, Is.EqualTo(unsharded.FirstFailure));
    }

    [Test]
    public void A_Kubernetes_indexed_job_index_with_a_shard_count_selects_the_same_shard()
    {
        var byIndex = Probe(new Dictionary<string, string> { ["JOB_COMPLETION_INDEX"] = "1", ["SIMLOOP_SHARD_COUNT"] = "3" });
        var byShard = Probe(new Dictionary<string, string> { ["SIMLOOP_SHARD"] = "1/3" });

        Assert.That(byIndex.Shard, Is.EqualTo("1/3"));
        Assert.That(byIndex.Seeds, Is.EqualTo(byShard.Seeds));
    }

    private sealed record Report(List<ulong> Seeds, (int Iteration, string Token)? FirstFailure, string Shard);

    private static Report Probe(Dictionary<string, string> environment)
    {
        var probe = typeof(ShardProcessTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SimLoop.ShardProbe").Value!;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(probe);
        start.ArgumentList.Add(Iterations.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("SIMLOOP_", StringComparison.Ordinal) || k == "JOB_COMPLETION_INDEX").ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, output);

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var seeds = lines.Where(l => l.StartsWith("seed 0x", StringComparison.Ordinal))
            .Select(l => ulong.Parse(l[7..], System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var failure = lines.Single(l => l.StartsWith("first-failure", StringComparison.Ordinal)).Split(' ');
        var shard = lines.Single(l => l.StartsWith("shard ", StringComparison.Ordinal))[6..];
        return new Report(seeds, failure[1] == "none" ? null : (int.Parse(failure[1], System.Globalization.CultureInfo.InvariantCulture), failure[2]), shard);
    }
}
