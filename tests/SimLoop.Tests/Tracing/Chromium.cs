using System.Diagnostics;

namespace SimLoop.Tests.Tracing;

/// <summary>
/// Debian's chromium, headless, as the HTML timeline tests' browser. Missing chromium fails the test (it is not
/// skipped): the page is only known to work once a real browser has run its script.
/// </summary>
internal static class Chromium
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(90);

    /// <summary>The DOM after the page's scripts ran (<c>--dump-dom</c>), in a 1200 x 800 window.</summary>
    public static string DumpDom(string page, string fragment = "") =>
        Run(page, ["--dump-dom", "--window-size=1200,800", new Uri(page).AbsoluteUri + fragment]);

    /// <summary>A PNG of the page in a window of the given size (<c>--screenshot</c>).</summary>
    public static byte[] Screenshot(string page, int width, int height)
    {
        var png = Path.ChangeExtension(page, ".png");
        File.Delete(png);
        Run(page, [$"--screenshot={png}", $"--window-size={width},{height}", "--hide-scrollbars", new Uri(page).AbsoluteUri]);
        Assert.That(File.Exists(png), Is.True, $"chromium exited without writing the screenshot {png} of {page}.");
        return File.ReadAllBytes(png);
    }

    /// <summary>Starts headless chromium with <paramref name="arguments"/> after the options every run needs.</summary>
    public static Process Start(IEnumerable<string> arguments)
    {
        var executable = Find() ?? throw new AssertionException(
            "chromium is not installed, and the HTML timeline tests render the page in a real browser. Install it " +
            "(Debian/Ubuntu: apt-get install -y chromium; .ci/run does this when it is absent) or set SIMLOOP_CHROMIUM to a Chromium executable.");
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }

    private static string Run(string page, string[] arguments)
    {
        var profile = Directory.CreateTempSubdirectory("simloop-chromium-");
        try
        {
            using var chromium = Start([$"--user-data-dir={profile.FullName}", .. arguments]);
            var output = chromium.StandardOutput.ReadToEndAsync();
            var errors = chromium.StandardError.ReadToEndAsync();
            if (!chromium.WaitForExit(s_timeout))
            {
                chromium.Kill(entireProcessTree: true);
                Assert.Fail($"chromium did not finish within {s_timeout.TotalSeconds} s on {page} (arguments: {string.Join(' ', arguments)}); it was killed.");
            }

            chromium.WaitForExit();
            Assert.That(chromium.ExitCode, Is.Zero, $"chromium failed on {page} with exit code {chromium.ExitCode}:\n{errors.Result}");
            return output.Result;
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("SIMLOOP_CHROMIUM") is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : throw new AssertionException($"SIMLOOP_CHROMIUM is '{configured}', which does not exist.");
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(directory => new[] { "chromium", "chromium-browser" }.Select(name => Path.Combine(directory, name)))
            .FirstOrDefault(File.Exists);
    }
}
