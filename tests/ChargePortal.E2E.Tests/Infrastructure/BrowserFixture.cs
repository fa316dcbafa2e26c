namespace ChargePortal.E2E.Tests.Infrastructure;

/// <summary>One headless Chromium for the whole run (assembly fixture); each test gets its own context.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumVariable = "CHARGEPORTAL_CHROMIUM";
    private const string DebianChromium = "/usr/bin/chromium";

    /// <summary>Generous: the CI machine has two slow cores.</summary>
    public const float TimeoutMs = 15_000;

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(ChromiumVariable);
        var executable = string.IsNullOrWhiteSpace(fromEnvironment) ? DebianChromium : fromEnvironment;
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(string.IsNullOrWhiteSpace(fromEnvironment)
                ? $"Chromium was not found at {DebianChromium}. Install it with `apt-get install -y chromium`, " +
                  $"or set {ChromiumVariable} to the path of a Chromium/Chrome executable (e.g. Playwright's own browser)."
                : $"{ChromiumVariable} is set to '{fromEnvironment}', but no file exists there.");
        }

        SetDefaultExpectTimeout(TimeoutMs);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
