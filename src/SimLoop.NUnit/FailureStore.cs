using System.Globalization;
using System.Text;

namespace SimLoop.NUnit;

/// <summary>
/// Failure persistence, like Hypothesis's example database and proptest's regression files: a failing test's
/// replay token is saved under .simloop/failures/ in the test project (commit the folder), and replayed first on
/// every later run of that test. SIMLOOP_FAILURES_DIR moves the folder; SIMLOOP_FAILURES=off turns it off.
/// </summary>
internal sealed class FailureStore
{
    private FailureStore(string? directory) => Directory = directory;

    /// <summary>Where tokens are kept, or null when persistence is off.</summary>
    public string? Directory { get; }

    public static FailureStore FromEnvironment(string testAssemblyDirectory)
    {
        if (string.Equals(Environment.GetEnvironmentVariable("SIMLOOP_FAILURES"), "off", StringComparison.OrdinalIgnoreCase))
        {
            return new FailureStore(null);
        }

        var configured = Environment.GetEnvironmentVariable("SIMLOOP_FAILURES_DIR");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new FailureStore(Path.GetFullPath(configured));
        }

        // The test project's folder is the first one up from the test assembly that holds a project file.
        for (var folder = new DirectoryInfo(testAssemblyDirectory); folder is not null; folder = folder.Parent)
        {
            if (folder.EnumerateFiles("*.*proj").Any())
            {
                return new FailureStore(Path.Combine(folder.FullName, ".simloop", "failures"));
            }
        }

        return new FailureStore(Path.Combine(testAssemblyDirectory, ".simloop", "failures"));
    }

    public string? PathFor(string testFullName) =>
        Directory is null ? null : Path.Combine(Directory, FileName(testFullName));

    /// <summary>The saved token of a test, or null.</summary>
    public string? Load(string testFullName)
    {
        var path = PathFor(testFullName);
        if (path is null || !File.Exists(path))
        {
            return null;
        }

        return File.ReadAllLines(path).Select(line => line.Trim()).FirstOrDefault(line => line.Length > 0 && !line.StartsWith('#'));
    }

    public string? Save(string testFullName, SimFailure failure)
    {
        var path = PathFor(testFullName);
        if (path is null)
        {
            return null;
        }

        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var text = new StringBuilder()
            .Append(ReplaySetting.ScopedToken(failure.ReplayToken, testFullName)).Append('\n')
            .Append("# SimLoop failure of ").Append(testFullName).Append('\n')
            .Append("# ").Append(failure.Kind).Append(": ").Append(failure.What.Split('\n')[0]).Append('\n')
            .Append("# Replayed first on every run of this test. Commit this file; delete it once the bug is fixed (or keep it as a regression check).\n");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    /// <summary>A readable, collision-safe file name: the test's name with unsafe characters replaced, then a hash of the exact name.</summary>
    internal static string FileName(string testFullName)
    {
        var safe = new string(testFullName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray());
        if (safe.Length > 100)
        {
            safe = safe[..100];
        }

        var hash = 2166136261u;
        foreach (var c in testFullName)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return safe + "-" + hash.ToString("x8", CultureInfo.InvariantCulture) + ".token";
    }
}
