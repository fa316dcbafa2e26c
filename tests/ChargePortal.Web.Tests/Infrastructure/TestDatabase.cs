using Microsoft.Data.Sqlite;
using Npgsql;

namespace ChargePortal.Web.Tests.Infrastructure;

/// <summary>
/// The database a test host (or a test cluster's nodes) runs on: a SQLite file by default. With
/// CHARGEPORTAL_TEST_DATABASE=postgres it is a fresh PostgreSQL database on the server CHARGEPORTAL_TEST_POSTGRES names
/// (test.sh starts a private one): the host's start-up migration creates it, disposal drops it.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private const string PostgresVariable = "CHARGEPORTAL_TEST_POSTGRES";

    private readonly string? _postgresName;

    private TestDatabase(string provider, string connectionString, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _postgresName = postgresName;
    }

    /// <summary>True when this test run is the PostgreSQL pass.</summary>
    public static bool UsesPostgres { get; } =
        string.Equals(Environment.GetEnvironmentVariable("CHARGEPORTAL_TEST_DATABASE"), "postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>The value of <c>Database:Provider</c>.</summary>
    public string Provider { get; }

    public string ConnectionString { get; }

    public bool IsPostgres => _postgresName is not null;

    public IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Database:Provider", Provider),
        new("ConnectionStrings:Default", ConnectionString),
    ];

    /// <summary>A new database: <paramref name="sqliteFile"/> on SQLite, a fresh uniquely named one on PostgreSQL.</summary>
    public static TestDatabase Create(string sqliteFile)
    {
        if (!UsesPostgres)
        {
            return new TestDatabase("Sqlite", $"Data Source={sqliteFile}", null);
        }

        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"CHARGEPORTAL_TEST_DATABASE=postgres needs {PostgresVariable} (a connection string without a database): run ./test.sh, which starts a private PostgreSQL.");
        }

        var name = "cp_test_" + Guid.NewGuid().ToString("N");
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new TestDatabase("PostgreSql", builder.ConnectionString, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresName is null)
        {
            SqliteConnection.ClearAllPools();
            return;
        }

        NpgsqlConnection.ClearAllPools();
        var maintenance = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync();
        await using var drop = connection.CreateCommand();
        drop.CommandText = $"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)";
        await drop.ExecuteNonQueryAsync();
    }
}
