using ChargePortal.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ChargePortal.Web.Tests.Infrastructure;

/// <summary>
/// The database a test host (or a test cluster's nodes) runs on: a SQLite file by default. With
/// CHARGEPORTAL_TEST_DATABASE=postgres it is a database of its own on the PostgreSQL server CHARGEPORTAL_TEST_POSTGRES
/// names (test.sh starts a private one), dropped at disposal. It is copied from a template migrated once per test run
/// (a copy takes a fraction of what a hundred migration statements take), or left for the host to create and migrate
/// when the test is about migrating an empty database.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private const string PostgresVariable = "CHARGEPORTAL_TEST_POSTGRES";

    private static readonly Lazy<string> Template = new(CreateTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Lock _lock = new();
    private readonly string? _postgresName;
    private readonly bool _fromTemplate;
    private bool _created;

    private TestDatabase(string provider, string connectionString, string? postgresName, bool fromTemplate)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _postgresName = postgresName;
        _fromTemplate = fromTemplate;
    }

    /// <summary>True when this test run is the PostgreSQL pass.</summary>
    public static bool UsesPostgres { get; } =
        string.Equals(Environment.GetEnvironmentVariable("CHARGEPORTAL_TEST_DATABASE"), "postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>The value of <c>Database:Provider</c>.</summary>
    public string Provider { get; }

    public string ConnectionString { get; }

    public bool IsPostgres => _postgresName is not null;

    /// <summary>The host's settings for this database; on PostgreSQL the first read creates it.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings
    {
        get
        {
            EnsureCreated();
            return
            [
                new("Database:Provider", Provider),
                new("ConnectionStrings:Default", ConnectionString),
            ];
        }
    }

    /// <summary>A new database: a SQLite file, or a new uniquely named one on PostgreSQL.</summary>
    /// <param name="sqliteFile">Where the SQLite pass keeps it.</param>
    /// <param name="empty">On PostgreSQL: no schema at all, for the host's migration to create.</param>
    public static TestDatabase Create(string sqliteFile, bool empty = false)
    {
        if (!UsesPostgres)
        {
            return new TestDatabase("Sqlite", $"Data Source={sqliteFile}", null, false);
        }

        var name = "cp_test_" + Guid.NewGuid().ToString("N");
        var builder = new NpgsqlConnectionStringBuilder(Server()) { Database = name };
        return new TestDatabase("PostgreSql", builder.ConnectionString, name, !empty);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresName is null)
        {
            SqliteConnection.ClearAllPools();
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = await OpenMaintenanceAsync();
        await using var drop = connection.CreateCommand();
        drop.CommandText = $"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)";
        await drop.ExecuteNonQueryAsync();
    }

    private void EnsureCreated()
    {
        lock (_lock)
        {
            if (_postgresName is null || _created || !_fromTemplate)
            {
                return;
            }

            Execute($"CREATE DATABASE \"{_postgresName}\" TEMPLATE \"{Template.Value}\"");
            _created = true;
        }
    }

    private static string Server()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"CHARGEPORTAL_TEST_DATABASE=postgres needs {PostgresVariable} (a connection string without a database): run ./test.sh, which starts a private PostgreSQL.");
        }

        // A CI machine running several test hosts at once can be slow to answer; a timeout there is not a finding.
        // Many hosts share one server: each keeps a small pool and lets idle connections go soon.
        return new NpgsqlConnectionStringBuilder(server) { Timeout = 60, CommandTimeout = 120, MaxPoolSize = 20, ConnectionIdleLifetime = 10 }.ConnectionString;
    }

    /// <summary>Migrates one database per test run to copy every other from; dropped when the run ends.</summary>
    private static string CreateTemplate()
    {
        var name = "cp_template_" + Guid.NewGuid().ToString("N");
        var connectionString = new NpgsqlConnectionStringBuilder(Server()) { Database = name, Pooling = false }.ConnectionString;
        using (var db = new PostgreSqlAppDbContext(new DbContextOptionsBuilder<PostgreSqlAppDbContext>().UseNpgsql(connectionString).Options))
        {
            db.Database.Migrate();
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            }
            catch (NpgsqlException)
            {
                // The server may already be gone (test.sh stops it); nothing is left to clean then.
            }
        };
        return name;
    }

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server()) { Database = "postgres", Pooling = false }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static async Task<NpgsqlConnection> OpenMaintenanceAsync()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server()) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
