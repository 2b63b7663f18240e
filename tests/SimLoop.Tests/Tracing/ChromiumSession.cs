using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SimLoop.Tests.Tracing;

/// <summary>
/// A page open in headless chromium, driven through the DevTools protocol (a WebSocket, BCL only): real mouse
/// events for hover, click and wheel, and JavaScript evaluated in the page to read what they changed.
/// </summary>
internal sealed partial class ChromiumSession : IDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    private readonly Process _chromium;
    private readonly DirectoryInfo _profile;
    private readonly ClientWebSocket _socket = new();
    private int _nextId;

    private ChromiumSession(Process chromium, DirectoryInfo profile)
    {
        _chromium = chromium;
        _profile = profile;
    }

    /// <summary>Opens <paramref name="page"/> in a window of the given size and waits until its script has drawn it.</summary>
    public static ChromiumSession Open(string page, int width, int height)
    {
        var profile = Directory.CreateTempSubdirectory("simloop-chromium-");
        var chromium = Chromium.Start(["--remote-debugging-port=0", $"--user-data-dir={profile.FullName}", $"--window-size={width},{height}", new Uri(page).AbsoluteUri]);
        var session = new ChromiumSession(chromium, profile);
        try
        {
            session.Connect();
            session.WaitFor("!!document.body && document.body.getAttribute('data-rendered') === 'true'");
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>The value of a JavaScript expression in the page (JSON-serialisable values only).</summary>
    public JsonElement Evaluate(string expression)
    {
        var reply = Send("Runtime.evaluate", new { expression, returnByValue = true });
        var result = reply.GetProperty("result");
        if (reply.TryGetProperty("exceptionDetails", out var error))
        {
            Assert.Fail($"the page threw evaluating {expression}: {error}");
        }

        return result.TryGetProperty("value", out var value) ? value.Clone() : default;
    }

    public string Text(string expression) => Evaluate(expression).GetString() ?? "";

    public void Move(double x, double y) => Mouse("mouseMoved", x, y);

    public void Click(double x, double y)
    {
        Mouse("mouseMoved", x, y);
        Mouse("mousePressed", x, y, button: "left", clickCount: 1);
        Mouse("mouseReleased", x, y, button: "left", clickCount: 1);
    }

    public void Wheel(double x, double y, double deltaY) =>
        Send("Input.dispatchMouseEvent", new { type = "mouseWheel", x, y, deltaX = 0, deltaY });

    public void Dispose()
    {
        _socket.Dispose();
        if (!_chromium.HasExited)
        {
            _chromium.Kill(entireProcessTree: true);
            _chromium.WaitForExit(s_timeout);
        }

        _chromium.Dispose();
        try
        {
            _profile.Delete(recursive: true);
        }
        catch (IOException)
        {
            // chromium's last writes can race the deletion; a temporary folder left behind is harmless.
        }
    }

    private void Mouse(string type, double x, double y, string button = "none", int clickCount = 0) =>
        Send("Input.dispatchMouseEvent", new { type, x, y, button, clickCount });

    private void WaitFor(string condition)
    {
        var deadline = Stopwatch.StartNew();
        while (Evaluate(condition).ValueKind != JsonValueKind.True)
        {
            if (deadline.Elapsed > s_timeout)
            {
                Assert.Fail($"the page did not reach '{condition}' within {s_timeout.TotalSeconds} s; its text: {Evaluate("document.body.innerText.slice(0, 500)")}");
            }

            Thread.Sleep(50);
        }
    }

    /// <summary>Finds the browser's DevTools port on its standard error, then the page's own WebSocket.</summary>
    private void Connect()
    {
        var port = Task.Run(() =>
        {
            while (_chromium.StandardError.ReadLine() is { } line)
            {
                if (DevToolsPort().Match(line) is { Success: true } match)
                {
                    return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            return -1;
        });
        if (!port.Wait(s_timeout) || port.Result < 0)
        {
            Assert.Fail($"chromium did not announce its DevTools port within {s_timeout.TotalSeconds} s (exited: {_chromium.HasExited}).");
        }

        // Keep draining standard error, or chromium blocks on a full pipe.
        _ = Task.Run(() => _chromium.StandardError.ReadToEnd());
        using var http = new HttpClient { Timeout = s_timeout };
        var deadline = Stopwatch.StartNew();
        string? url = null;
        while (url is null && deadline.Elapsed < s_timeout)
        {
            using var targets = JsonDocument.Parse(http.GetStringAsync($"http://127.0.0.1:{port.Result}/json/list").Result);
            url = targets.RootElement.EnumerateArray().Where(t => t.GetProperty("type").GetString() == "page")
                .Select(t => t.GetProperty("webSocketDebuggerUrl").GetString()).FirstOrDefault();
            if (url is null)
            {
                Thread.Sleep(50);
            }
        }

        Assert.That(url, Is.Not.Null, "chromium listed no page to drive");
        using var connecting = new CancellationTokenSource(s_timeout);
        _socket.ConnectAsync(new Uri(url!), connecting.Token).Wait();
    }

    private JsonElement Send(string method, object parameters)
    {
        var id = ++_nextId;
        var request = JsonSerializer.SerializeToUtf8Bytes(new { id, method, @params = parameters });
        using var timeout = new CancellationTokenSource(s_timeout);
        _socket.SendAsync(request, WebSocketMessageType.Text, endOfMessage: true, timeout.Token).Wait();
        while (true)
        {
            using var message = JsonDocument.Parse(Receive(timeout.Token));
            if (message.RootElement.TryGetProperty("id", out var replyId) && replyId.GetInt32() == id)
            {
                if (message.RootElement.TryGetProperty("error", out var error))
                {
                    Assert.Fail($"DevTools refused {method}: {error}");
                }

                return message.RootElement.GetProperty("result").Clone();
            }
        }
    }

    private string Receive(CancellationToken cancellation)
    {
        var buffer = new byte[64 * 1024];
        using var text = new MemoryStream();
        WebSocketReceiveResult part;
        do
        {
            part = _socket.ReceiveAsync(buffer, cancellation).Result;
            text.Write(buffer, 0, part.Count);
        }
        while (!part.EndOfMessage);
        return Encoding.UTF8.GetString(text.ToArray());
    }

    [GeneratedRegex(@"DevTools listening on ws://127\.0\.0\.1:(\d+)/")]
    private static partial Regex DevToolsPort();
}
