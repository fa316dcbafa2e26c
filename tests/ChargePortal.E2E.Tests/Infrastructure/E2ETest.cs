namespace ChargePortal.E2E.Tests.Infrastructure;

/// <summary>Base of every journey: the shared app and browser, and a fresh browser context per session.</summary>
public abstract class E2ETest(AppHostFixture app, BrowserFixture browser) : IAsyncLifetime
{
    public const string DriverEmail = "driver@chargeportal.local";
    public const string OwnerEmail = "owner@chargeportal.local";
    public const string OperatorEmail = "operator@chargeportal.local";
    public const string AdminEmail = "admin@chargeportal.local";

    private readonly List<BrowserSession> _sessions = [];

    protected AppHostFixture App { get; } = app;

    protected async Task<BrowserSession> OpenSessionAsync(BrowserNewContextOptions options)
    {
        var session = await BrowserSession.OpenAsync(browser.Browser, App.BaseUrl, options);
        _sessions.Add(session);
        return session;
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var session in _sessions)
        {
            await session.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
