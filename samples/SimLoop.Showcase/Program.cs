using SimLoop.Showcase;

// dotnet run --project samples/SimLoop.Showcase [-- --out DIR]
// Runs the showcase scenarios on the simulated loop, prints predicted vs observed numbers and fairness reports,
// and writes per scenario an HTML timeline (open it in a browser) and a Chrome/Perfetto trace (https://ui.perfetto.dev).
var outIndex = Array.IndexOf(args, "--out");
var traceDirectory = Path.GetFullPath(outIndex >= 0 && outIndex + 1 < args.Length
    ? args[outIndex + 1]
    : Path.Combine("artifacts", "showcase"));
Directory.CreateDirectory(traceDirectory);

Console.WriteLine("SimLoop showcase: the rules of cooperative scheduling, checked on a simulated asyncio-style loop (virtual time, exact numbers).");
Console.WriteLine();
var (text, allHold) = ShowcaseRunner.Run(traceDirectory);
Console.Write(text);
Console.WriteLine($"Trace files were written to: {traceDirectory}");
Console.WriteLine("  *.html: the timeline of each scenario, self-contained: open it in any browser (no network needed)");
Console.WriteLine("  *.json: the same steps in Chrome's trace format, for https://ui.perfetto.dev or chrome://tracing");
Console.WriteLine(allHold ? "Every prediction held." : "SOME PREDICTIONS DIFFER: see [DIFFERS] above.");
return allHold ? 0 : 1;
