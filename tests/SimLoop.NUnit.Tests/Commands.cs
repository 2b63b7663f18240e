using System.Diagnostics;
using System.Reflection;

namespace SimLoop.NUnit.Tests;

/// <summary>Runs a command line in a folder, as a user types it, and returns its exit code and output.</summary>
internal static class Commands
{
    public static string RepositoryRoot => Metadata("SimLoop.RepositoryRoot");

    public static string Configuration => Metadata("SimLoop.Configuration");

    public static (int ExitCode, string Output) Run(string directory, string program, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("SIMLOOP_", StringComparison.Ordinal) || k.StartsWith("VSTEST", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(4)))
        {
            process.Kill(entireProcessTree: true);
            throw new AssertionException($"'{program} {string.Join(' ', arguments)}' did not finish within 4 minutes.");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    public static string Succeed(string directory, string program, params string[] arguments)
    {
        var (exitCode, output) = Run(directory, program, arguments);
        Assert.That(exitCode, Is.Zero, $"'{program} {string.Join(' ', arguments)}' failed:\n{output}");
        return output;
    }

    private static string Metadata(string key) =>
        typeof(Commands).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
