using ChargePortal.Web.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace ChargePortal.Web.Tests.Infrastructure;

/// <summary>
/// The real host over a real SQLite file of its own, with the Development demo seed.
/// Tests talk to it over HTTP (TestServer) exactly as clients would.
/// </summary>
public class ChargePortalFactory : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "chargeportal-tests", Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(_directory, "app.db");

    public string MailDirectory => Path.Combine(_directory, "mail");

    public static string RepositoryRoot { get; } =
        ContentRootLocator.FindRepositoryRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException("ChargePortal.sln not found above the test binaries.");

    /// <summary>The demo password from the repository's Development settings.</summary>
    public static string DemoPassword { get; } = ReadDevelopmentSetting("Seed", "DemoPassword");

    public static string DevelopmentApiKey { get; } = ReadDevelopmentSetting("Seed", "OperatorApiKey");

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_directory);
        builder.UseEnvironment("Development");
        builder.UseContentRoot(RepositoryRoot);
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={DatabasePath}");
        builder.UseSetting("Email:PickupDirectory", MailDirectory);
        builder.UseSetting("Demo:SimulatedStations", "0");

        // Tests count sessions, payments and alerts: the Development demo's past month is seeded only where a test asks for it.
        builder.UseSetting("Seed:DemoHistoryDays", "0");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");

        // Tests script every call a station sees; the device-model request after boot is turned on where it is tested.
        builder.UseSetting("Ocpp:BaseReportOnBoot", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the OS is left for the temp cleaner.
        }

        GC.SuppressFinalize(this);
    }

    private static string ReadDevelopmentSetting(string section, string key)
    {
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot, "appsettings.Development.json")));
        return json.RootElement.GetProperty(section).GetProperty(key).GetString()!;
    }
}
