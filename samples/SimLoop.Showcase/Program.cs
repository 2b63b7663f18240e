using SimLoop.Showcase;

// dotnet run --project samples/SimLoop.Showcase [-- --out DIR]
// Runs the showcase scenarios on the simulated loop, prints predicted vs observed numbers and fairness reports,
// and writes one Chrome/Perfetto trace per scenario (open them at https://ui.perfetto.dev).
var outIndex = Array.IndexOf(args, "--out");
var traceDirectory = Path.GetFullPath(outIndex >= 0 && outIndex + 1 < args.Length
    ? args[outIndex + 1]
    : Path.Combine("artifacts", "showcase"));
Directory.CreateDirectory(traceDirectory);

Console.WriteLine("SimLoop showcase: the rules of cooperative scheduling, checked on a simulated asyncio-style loop (virtual time, exact numbers).");
Console.WriteLine();
var (text, allHold) = ShowcaseRunner.Run(traceDirectory);
Console.Write(text);
Console.WriteLine($"Trace files (Chrome trace format; open in https://ui.perfetto.dev or chrome://tracing) were written to: {traceDirectory}");
Console.WriteLine(allHold ? "Every prediction held." : "SOME PREDICTIONS DIFFER: see [DIFFERS] above.");
return allHold ? 0 : 1;
