using System.Globalization;

namespace SimLoop.Benchmarks.Bugs;

/// <summary>
/// The arguments of the bugs and rates commands: <c>--quick</c>, <c>--only name,name</c> (benchmarks of
/// <see cref="BugSet"/>; an unknown name is an error listing the known ones) and the command's positive integer
/// options (<c>--seeds N</c>, <c>--runs N</c>, ...).
/// </summary>
internal sealed class BugArguments
{
    public bool Quick { get; private set; }

    public HashSet<string>? Only { get; private set; }

    public Dictionary<string, int> Numbers { get; } = [];

    /// <summary>The benchmarks to run: those of --only, else the quick set in quick mode, else all.</summary>
    public List<BugSet.Benchmark> Benchmarks() =>
        BugSet.All.Where(b => Only is null ? !Quick || b.InQuickSet : Only.Contains(b.Name)).ToList();

    public static bool TryParse(string[] args, string[] numberOptions, out BugArguments parsed, out string error)
    {
        (parsed, error) = (new BugArguments(), "");
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--quick")
            {
                parsed.Quick = true;
            }
            else if (numberOptions.Contains(args[i]) && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n > 0)
            {
                parsed.Numbers[args[i]] = n;
                i++;
            }
            else if (args[i] == "--only" && i + 1 < args.Length)
            {
                parsed.Only = [.. args[++i].Split(',')];
                var unknown = parsed.Only.Where(name => BugSet.All.All(b => b.Name != name)).ToList();
                if (unknown.Count > 0)
                {
                    error = $"unknown benchmark(s) {string.Join(", ", unknown)} (known: {string.Join(", ", BugSet.All.Select(b => b.Name))})";
                    return false;
                }
            }
            else
            {
                error = $"unknown or incomplete argument '{args[i]}'";
                return false;
            }
        }

        return true;
    }
}
