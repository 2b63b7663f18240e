namespace SimLoop.Rewriter;

/// <summary>
/// Assemblies never rewritten: SimLoop itself (its clock reads are its own), test frameworks and their runners
/// (they measure real time around the simulation, never inside it), and build-time tools.
/// </summary>
internal static class Exclusions
{
    private static readonly string[] s_prefixes =
    [
        "nunit", "NUnit", "Microsoft.TestPlatform", "Microsoft.VisualStudio", "testhost", "Microsoft.NET.Test",
        "xunit", "MSTest", "Microsoft.Testing", "FsCheck", "FSharp.Core", "BenchmarkDotNet", "Snapshooter", "Mono.Cecil",
        "Microsoft.CodeAnalysis", "coverlet", "Microsoft.Coyote", "Microsoft.ApplicationInsights",
        "Microsoft.Extensions.DependencyModel",
    ];

    public static bool IsExcluded(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        if (name == "SimLoop" || name.StartsWith("SimLoop.", StringComparison.Ordinal))
        {
            return !IsUserTestAssembly(name);
        }

        return s_prefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
    }

    // This repository's own test assemblies are named SimLoop.*Tests / TestData: they are user code here.
    private static bool IsUserTestAssembly(string name) =>
        name.EndsWith("Tests", StringComparison.Ordinal) || name.EndsWith("TestData", StringComparison.Ordinal) || name == "SimLoop.Showcase";
}
