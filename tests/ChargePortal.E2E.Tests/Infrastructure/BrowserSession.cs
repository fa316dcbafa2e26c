using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace ChargePortal.E2E.Tests.Infrastructure;

/// <summary>
/// One browser context + page for one test. Every request that leaves the app's own origin is
/// aborted and recorded (pages must load nothing from a CDN); failed same-origin sub-resources
/// (a missing stylesheet or script) and anything the Content-Security-Policy blocks are recorded too. Each fails the test.
/// </summary>
public sealed partial class BrowserSession : IAsyncDisposable
{
    private readonly Uri _baseUrl;
    private readonly ConcurrentQueue<string> _blocked = new();
    private readonly ConcurrentQueue<string> _brokenAssets = new();
    private bool _finished;

    private BrowserSession(IBrowserContext context, IPage page, Uri baseUrl)
    {
        Context = context;
        Page = page;
        _baseUrl = baseUrl;
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public IReadOnlyCollection<string> BlockedRequests => _blocked;

    public static async Task<BrowserSession> OpenAsync(IBrowser browser, Uri baseUrl, BrowserNewContextOptions options)
    {
        options.BaseURL = baseUrl.ToString();
        var context = await browser.NewContextAsync(options);
        context.SetDefaultTimeout(BrowserFixture.TimeoutMs);
        context.SetDefaultNavigationTimeout(BrowserFixture.TimeoutMs);
        var page = await context.NewPageAsync();
        var session = new BrowserSession(context, page, baseUrl);

        await context.RouteAsync("**/*", async route =>
        {
            if (session.IsOwnOrigin(route.Request.Url))
            {
                await route.ContinueAsync();
            }
            else
            {
                session._blocked.Enqueue($"{route.Request.Method} {route.Request.Url} (from {route.Request.Frame.Url})");
                await route.AbortAsync("blockedbyclient");
            }
        });
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && !response.Request.IsNavigationRequest)
            {
                session._brokenAssets.Enqueue($"{response.Status} {response.Request.Method} {response.Url}");
            }
        };
        page.Console += (_, message) =>
        {
            // A script, style or connection the Content-Security-Policy blocked: the page is broken in real browsers.
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                session._brokenAssets.Enqueue($"blocked by the Content-Security-Policy: {message.Text}");
            }
        };
        return session;
    }

    public async Task GotoAsync(string path)
    {
        await Page.GotoAsync(path);
    }

    /// <summary>Waits until the Blazor circuit is up (MainLayout renders the marker only when interactive).</summary>
    public Task WaitForInteractiveAsync() =>
        Page.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    /// <summary>Signs in through the real Identity form at /Account/Login.</summary>
    public async Task SignInAsync(string email, string password)
    {
        await Page.GotoAsync("/Account/Login");
        await Page.Locator(@"#Input\.Email").FillAsync(email);
        await Page.Locator(@"#Input\.Password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Expect(Page).Not.ToHaveURLAsync(LoginUrl());
    }

    /// <summary>Saves the journey's final state, prints where, and checks that nothing left the origin.</summary>
    public async Task FinishAsync(string name)
    {
        _finished = true;
        await SaveScreenshotAsync(name);
        AssertCleanNetwork();
    }

    public void AssertCleanNetwork()
    {
        if (!_blocked.IsEmpty)
        {
            throw new ShouldAssertException(
                $"Pages must load nothing from outside {_baseUrl}, but these requests were attempted (and blocked):{Environment.NewLine}  "
                + string.Join(Environment.NewLine + "  ", _blocked));
        }

        if (!_brokenAssets.IsEmpty)
        {
            throw new ShouldAssertException(
                $"Every stylesheet, script and image of the page should load, but these failed:{Environment.NewLine}  "
                + string.Join(Environment.NewLine + "  ", _brokenAssets));
        }
    }

    public async Task<string> SaveScreenshotAsync(string name, bool attach = false)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, $"{name}.png");
        var bytes = await Page.ScreenshotAsync(new() { Path = file, FullPage = true });
        var line = $"Screenshot: {file}";
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        TestContext.Current.SendDiagnosticMessage(line);
        Console.WriteLine(line);
        if (attach)
        {
            TestContext.Current.AddAttachment(name + ".png", bytes, "image/png");
        }

        return file;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            var state = TestContext.Current.TestState;
            if (state?.Result == TestResult.Failed || (!_finished && state is null))
            {
                await SaveScreenshotAsync($"FAILED-{Sanitize(TestContext.Current.Test?.TestDisplayName ?? "unknown")}", attach: true);
            }
        }
        catch (PlaywrightException)
        {
            // The page may already be gone; the original failure is what matters.
        }

        await Context.DisposeAsync();
    }

    public static Regex LoginUrl() => LoginUrlRegex();

    private bool IsOwnOrigin(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && string.Equals(uri.Scheme, _baseUrl.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.Host, _baseUrl.Host, StringComparison.OrdinalIgnoreCase)
        && uri.Port == _baseUrl.Port;

    private static string Sanitize(string name) => InvalidFileChars().Replace(name, "_");

    [GeneratedRegex(@"/Account/Login", RegexOptions.IgnoreCase)]
    private static partial Regex LoginUrlRegex();

    [GeneratedRegex(@"[^A-Za-z0-9_.-]+")]
    private static partial Regex InvalidFileChars();
}
