using System.Diagnostics;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace SimLoop.Tests.Interception;

// The build-time rewriter as the build runs it: a separate process given SimLoop.dll and the assemblies to rewrite.
public class RewriterTests
{
    private static readonly string Rewriter = typeof(RewriterTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "SimLoop.Rewriter").Value!;

    private static readonly string SimLoopDll = typeof(Sim).Assembly.Location;

    [Test]
    public void An_assembly_full_of_clock_reads_is_rewritten_once_marked_and_left_alone_the_second_time()
    {
        // nunit.framework is never rewritten in a build (test frameworks are excluded by name); a copy under another
        // name is just a large assembly with many Stopwatch and DateTime call sites.
        var copy = Path.Combine(Path.GetTempPath(), $"simloop-rewriter-test-{Environment.ProcessId}.dll");
        File.Copy(typeof(Assert).Assembly.Location, copy, overwrite: true);
        try
        {
            var (firstExit, firstOutput) = Run("--simloop", SimLoopDll, copy);
            var (secondExit, secondOutput) = Run("--simloop", SimLoopDll, copy);

            Assert.That(firstExit, Is.Zero, firstOutput);
            Assert.That(firstOutput, Does.Match(@"SimLoop\.Rewriter: simloop-rewriter-test-\d+\.dll: \d+ call sites re-pointed to SimLoop\.Interception"));
            Assert.That(Marker(copy), Is.EqualTo("call sites re-pointed to SimLoop.Interception"));
            Assert.That((secondExit, secondOutput.Trim()), Is.EqualTo((0, "")), "an assembly already rewritten is skipped");
        }
        finally
        {
            File.Delete(copy);
        }
    }

    [Test]
    public void Test_frameworks_and_simloop_itself_are_never_rewritten()
    {
        var (exit, output) = Run("--simloop", SimLoopDll, typeof(Assert).Assembly.Location, SimLoopDll);

        Assert.That((exit, output.Trim()), Is.EqualTo((0, "")));
        Assert.That(Marker(typeof(Assert).Assembly.Location), Is.Null);
    }

    [Test]
    public void Without_simloop_dll_it_says_how_it_is_used()
    {
        var (exit, output) = Run("some.dll");

        Assert.That((exit, output.Trim()), Is.EqualTo((2, "SimLoop.Rewriter: usage: SimLoop.Rewriter --simloop <SimLoop.dll> <assembly>...")));
    }

    private static (int Exit, string Output) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Rewriter);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }

    // The value of [assembly: AssemblyMetadata("SimLoop.Rewritten", ...)], read without loading the assembly.
    private static string? Marker(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        foreach (var handle in reader.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = reader.GetCustomAttribute(handle);
            var value = attribute.DecodeValue(new StringArguments());
            if (value.FixedArguments is [{ Value: "SimLoop.Rewritten" }, { Value: string text }])
            {
                return text;
            }
        }

        return null;
    }

    // Decodes only what AssemblyMetadata(string, string) needs.
    private sealed class StringArguments : ICustomAttributeTypeProvider<string>
    {
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();

        public string GetSystemType() => "System.Type";

        public string GetSZArrayType(string elementType) => elementType + "[]";

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => "?";

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => "?";

        public string GetTypeFromSerializedName(string name) => name;

        public PrimitiveTypeCode GetUnderlyingEnumType(string type) => PrimitiveTypeCode.Int32;

        public bool IsSystemType(string type) => type == "System.Type";
    }
}
