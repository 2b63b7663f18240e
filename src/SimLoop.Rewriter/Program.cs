using Mono.Cecil;
using SimLoop.Rewriter;

// SimLoop.Rewriter --simloop <path to SimLoop.dll> <assembly>... (or @responsefile: one argument per line)
// Run by SimLoop's build targets after every build, on the build output: the project's assembly and the package
// assemblies copied next to it. Never on the shared framework, never on the NuGet cache.

var arguments = args.SelectMany(a => a.StartsWith('@') ? File.ReadAllLines(a[1..]) : [a]).Where(a => a.Length > 0).ToList();
var at = arguments.IndexOf("--simloop");
if (at < 0 || at + 1 >= arguments.Count)
{
    Console.Error.WriteLine("SimLoop.Rewriter: usage: SimLoop.Rewriter --simloop <SimLoop.dll> <assembly>...");
    return 2;
}

var simLoopPath = arguments[at + 1];
var targets = arguments.Where((_, i) => i != at && i != at + 1).Distinct(StringComparer.Ordinal).ToList();
if (!File.Exists(simLoopPath))
{
    Console.Error.WriteLine($"SimLoop.Rewriter: {simLoopPath} does not exist: the project must reference SimLoop (directly or through SimLoop.NUnit).");
    return 2;
}

using var simLoop = ModuleDefinition.ReadModule(simLoopPath, new ReaderParameters { InMemory = true });
var rewriter = new AssemblyRewriter(simLoop);
var failed = 0;
foreach (var path in targets.Where(p => File.Exists(p) && !Exclusions.IsExcluded(p)))
{
    try
    {
        var count = rewriter.Rewrite(path);
        if (count > 0)
        {
            Console.WriteLine($"SimLoop.Rewriter: {Path.GetFileName(path)}: {count} call sites re-pointed to SimLoop.Interception");
        }
    }
    catch (BadImageFormatException)
    {
        // Not a managed assembly (a native library copied to the output): nothing to do.
    }
    catch (Exception e) when (e is InvalidOperationException or IOException or AssemblyResolutionException)
    {
        Console.Error.WriteLine(
            $"SimLoop.Rewriter: error: could not rewrite {path}: {e.Message} Its clock reads and real-time waits would stay on the machine's " +
            "clock inside simulations, so the build stops here. Set <SimLoopRewrite>false</SimLoopRewrite> in the project to build without " +
            "rewriting (real timers are then reported at the step that arms them).");
        failed++;
    }
}

return failed == 0 ? 0 : 1;
