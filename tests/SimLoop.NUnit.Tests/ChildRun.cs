using System.Reflection;
using System.Xml.Linq;

namespace SimLoop.NUnit.Tests;

/// <summary>One `dotnet test` of the TestData assembly in a child process, with its TRX results parsed.</summary>
public sealed class ChildRun
{
    private static readonly XNamespace s_trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    private ChildRun(IReadOnlyList<Outcome> outcomes, string output, string directory)
    {
        Outcomes = outcomes;
        Output = output;
        Directory = directory;
    }

    public IReadOnlyList<Outcome> Outcomes { get; }

    /// <summary>What `dotnet test` printed (for diagnosing a broken child run).</summary>
    public string Output { get; }

    /// <summary>The run's own folder: results, attachments, the failures folder.</summary>
    public string Directory { get; }

    public string FailuresDirectory => Path.Combine(Directory, "failures");

    public static string TestDataAssembly =>
        typeof(ChildRun).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SimLoop.TestDataAssembly").Value!;

    /// <summary>The one result of the test called <paramref name="name"/> (its short name, with arguments if any).</summary>
    public Outcome this[string name]
    {
        get
        {
            var matches = Outcomes.Where(o => o.Name == name).ToList();
            return matches.Count == 1
                ? matches[0]
                : throw new AssertionException($"expected one result named '{name}', found {matches.Count}. Results: {string.Join(", ", Outcomes.Select(o => o.Name))}\n{Output}");
        }
    }

    public static ChildRun Execute(string name, string? filter = null, IReadOnlyDictionary<string, string>? environment = null, string? runParameters = null, string? failuresDirectory = null)
    {
        var directory = FreshDirectory(name);
        List<string> arguments = ["test", TestDataAssembly, "--logger", "trx;LogFileName=results.trx", "--results-directory", directory];
        if (filter is not null)
        {
            arguments.AddRange(["--filter", filter]);
        }

        if (runParameters is not null)
        {
            arguments.AddRange(["--", runParameters]);
        }

        var variables = new Dictionary<string, string>(environment ?? new Dictionary<string, string>())
        {
            ["SIMLOOP_FAILURES_DIR"] = failuresDirectory ?? Path.Combine(directory, "failures"),
        };
        var (exitCode, output) = Commands.Run(directory, "dotnet", arguments, variables);
        return Collect(directory, exitCode, output);
    }

    /// <summary>
    /// Runs a command exactly as a failure message prints it, through bash as a user would paste it, pointed at the
    /// TestData assembly (the printed form names no project: it runs in the user's project folder).
    /// </summary>
    public static ChildRun ExecuteAsPrinted(string name, string printedCommand)
    {
        const string Prefix = "dotnet test ";
        Assert.That(printedCommand, Does.StartWith(Prefix));
        var directory = FreshDirectory(name);
        var line = $"dotnet test '{TestDataAssembly}' --logger 'trx;LogFileName=results.trx' --results-directory '{directory}' {printedCommand[Prefix.Length..]}";
        var variables = new Dictionary<string, string> { ["SIMLOOP_FAILURES"] = "off" };
        var (exitCode, output) = Commands.Run(directory, "bash", ["-c", line], variables);
        return Collect(directory, exitCode, output);
    }

    private static string FreshDirectory(string name)
    {
        var directory = Path.Combine(Path.GetTempPath(), "simloop-nunit-tests", name + "-" + Environment.ProcessId);
        if (System.IO.Directory.Exists(directory))
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }

        System.IO.Directory.CreateDirectory(directory);
        return directory;
    }

    private static ChildRun Collect(string directory, int exitCode, string output)
    {
        var trx = Path.Combine(directory, "results.trx");
        if (!File.Exists(trx))
        {
            throw new AssertionException($"dotnet test wrote no TRX results (exit code {exitCode}):\n{output}");
        }

        return new ChildRun(Parse(trx, directory), output, directory);
    }

    private static List<Outcome> Parse(string trx, string directory)
    {
        var document = XDocument.Load(trx);
        return document.Descendants(s_trx + "UnitTestResult").Select(result => new Outcome(
            result.Attribute("testName")!.Value,
            result.Attribute("outcome")!.Value,
            result.Descendants(s_trx + "Message").FirstOrDefault()?.Value ?? "",
            result.Descendants(s_trx + "StdOut").FirstOrDefault()?.Value ?? "",
            result.Descendants(s_trx + "StackTrace").FirstOrDefault()?.Value ?? "",
            result.Descendants(s_trx + "ResultFile")
                .Select(file => FindAttachment(directory, Path.GetFileName(file.Attribute("path")!.Value)))
                .ToList())).ToList();
    }

    /// <summary>VSTest copies attachments into a folder per test execution; find the copy by name.</summary>
    private static string FindAttachment(string directory, string fileName)
    {
        var copies = System.IO.Directory.GetFiles(directory, fileName, SearchOption.AllDirectories);
        return copies.Length > 0 ? copies[0] : Path.Combine(directory, "missing", fileName);
    }
}

/// <summary>What NUnit reported for one test.</summary>
public sealed record Outcome(string Name, string Result, string Message, string Output, string StackTrace, IReadOnlyList<string> Attachments);
