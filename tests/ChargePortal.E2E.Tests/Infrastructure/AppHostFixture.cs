using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ChargePortal.E2E.Tests.Infrastructure;

/// <summary>
/// The real app, in process, on a real Kestrel port (127.0.0.1, random), Development environment,
/// content root = the repository root, a fresh SQLite file and mail pickup folder per run, demo data seeded.
/// One per test run (assembly fixture).
/// </summary>
public sealed class AppHostFixture : IAsyncLifetime
{
    private readonly string _tempDirectory = Path.Combine(Path.GetTempPath(), $"chargeportal-e2e-{Guid.NewGuid():N}");
    private ChargePortalAppFactory? _factory;

    public Uri BaseUrl { get; private set; } = null!;

    public string MailPickupDirectory => Path.Combine(_tempDirectory, "mail");

    public string DatabaseFile => Path.Combine(_tempDirectory, "e2e.db");

    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("The app host has not started.");

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(MailPickupDirectory);
        _factory = new ChargePortalAppFactory(new Dictionary<string, string>
        {
            ["ConnectionStrings:Default"] = $"Data Source={DatabaseFile}",
            ["Database:Provider"] = "Sqlite",
            ["Seed:DemoData"] = "true",
            ["Demo:SimulatedStations"] = "0",
            ["Seed:DemoHistoryDays"] = "0",
            ["Email:PickupDirectory"] = MailPickupDirectory,
            ["Serilog:MinimumLevel:Default"] = "Warning",

            // The map must never reach a tile server from tests: every tile is the app's own blank PNG.
            ["Map:TileUrl"] = "/img/blank-tile.png",
        });
        _factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();

        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Kestrel did not report a 127.0.0.1 address (got: {string.Join(", ", addresses)}).");
        BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return ValueTask.CompletedTask;
    }

    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseUrl };

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_tempDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind must not fail the run.
        }
    }

    private sealed class ChargePortalAppFactory(IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // Host settings reach Program's WebApplicationBuilder as command-line arguments, so they are
            // visible while Program.cs registers services (ConfigureAppConfiguration would come too late).
            builder.UseEnvironment("Development");
            builder.UseContentRoot(RepositoryRoot.Path);
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
