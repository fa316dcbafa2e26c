using ChargePortal.Web.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ChargePortal.Web.Tests.Infrastructure;

/// <summary>
/// The real host over a real database of its own (a SQLite file, or a fresh PostgreSQL database in the PostgreSQL
/// pass: see <see cref="TestDatabase"/>), with the Development demo seed.
/// Tests talk to it over HTTP (TestServer) exactly as clients would.
/// </summary>
public class ChargePortalFactory : WebApplicationFactory<Program>
{
    private readonly string _directory;
    private readonly TestDatabase _database;

    public ChargePortalFactory()
        : this(emptyDatabase: false)
    {
    }

    /// <param name="emptyDatabase">On PostgreSQL, start from no schema at all (the default is a copy of the migrated template).</param>
    protected ChargePortalFactory(bool emptyDatabase)
    {
        _directory = Path.Combine(Path.GetTempPath(), "chargeportal-tests", Guid.NewGuid().ToString("N"));
        _database = TestDatabase.Create(DatabasePath, emptyDatabase);
    }

    /// <summary>The SQLite file (unused in the PostgreSQL pass).</summary>
    public string DatabasePath => Path.Combine(_directory, "app.db");

    /// <summary>The database this host runs on unless <see cref="Settings"/> names another.</summary>
    public TestDatabase Database => _database;

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
        foreach (var (key, value) in _database.Settings)
        {
            builder.UseSetting(key, value);
        }

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
        await _database.DisposeAsync();
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
