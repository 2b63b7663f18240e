using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace SimLoop.Tests.AsyncioModel;

/// <summary>Runs programs on CPython's asyncio through asyncio_runner.py: one python3 process for a whole batch.</summary>
internal static class CPythonRunner
{
    private static readonly string Script = Path.Combine(AppContext.BaseDirectory, "AsyncioModel", "asyncio_runner.py");

    /// <summary>The version of the python3 that ran the last batch.</summary>
    public static string PythonVersion { get; private set; } = "?";

    public static IReadOnlyList<ProgramRun> Run(IReadOnlyList<AsyncioProgram> programs, bool heapTies = false)
    {
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Script);
        if (heapTies)
        {
            start.ArgumentList.Add("--heap-ties");
        }

        Process? started;
        try
        {
            started = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"python3 could not be started ({e.Message}): the CPython cross-check needs python3 (3.11 or later, no packages) on PATH.", e);
        }

        using var python = started ?? throw new InvalidOperationException("python3 did not start: the CPython cross-check needs python3 (3.11 or later) on PATH.");
        var stderr = python.StandardError.ReadToEndAsync();
        var writer = Task.Run(() =>
        {
            foreach (var program in programs)
            {
                python.StandardInput.WriteLine(program.ToJson());
            }

            python.StandardInput.Close();
        });
        var output = python.StandardOutput.ReadToEnd();
        writer.GetAwaiter().GetResult();
        python.WaitForExit();
        if (python.ExitCode != 0)
        {
            throw new InvalidOperationException($"asyncio_runner.py exited with {python.ExitCode}:\n{stderr.GetAwaiter().GetResult()}");
        }

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using (var header = JsonDocument.Parse(lines[0]))
        {
            PythonVersion = header.RootElement.GetProperty("python").GetString()!;
        }

        var runs = lines.Skip(1).Select(Parse).ToList();
        Assert.That(runs, Has.Count.EqualTo(programs.Count), "asyncio_runner.py answered a different number of programs");
        return runs;
    }

    private static ProgramRun Parse(string line)
    {
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        return new ProgramRun(
            root.GetProperty("log").EnumerateArray().Select(e => e.GetString()!).ToList(),
            root.GetProperty("elapsed").GetInt64(),
            root.GetProperty("outcome").GetString()!);
    }
}
