using ChargePortal.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ChargePortal.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations at start-up (turn off when a deployment step does it).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Where the embedded SQLite file lives when no connection string is given.</summary>
    public string? DataDirectory { get; set; }
}

public static class DatabaseSetup
{
    /// <summary>
    /// The configured provider (<c>Database:Provider</c>), for start-up choices that depend on it; checked by the same
    /// rule as at start (<c>Database:Provider must be Sqlite, SqlServer or PostgreSql, not 'Oracle'</c>).
    /// </summary>
    public static DatabaseProvider ProviderFrom(IConfiguration configuration) =>
        configuration.ReadValidated<DatabaseOptions>(DatabaseOptions.Section).Provider;

    public static IServiceCollection AddAppDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        // Read now, not at start: the provider decides which context is registered.
        var options = configuration.ReadValidated<DatabaseOptions>(DatabaseOptions.Section);
        services.AddValidatedOptions<DatabaseOptions>(DatabaseOptions.Section);
        var connectionString = configuration.GetConnectionString("Default");

        switch (options.Provider)
        {
            case DatabaseProvider.SqlServer:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException(
                        "Database:Provider is SqlServer but ConnectionStrings:Default is empty. Set it to your SQL Server connection string.");
                }

                // No retrying execution strategy: the OCPP writers (TransactionEvent, StartTransaction, last-seen, the
                // local-list version) open their own transactions, which a retrying strategy refuses with an exception.
                // A write that fails is answered with a CALLERROR, and the station repeats it.
                services.AddDbContextFactory<SqlServerAppDbContext>(o => o.UseSqlServer(connectionString));
                services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<IDbContextFactory<SqlServerAppDbContext>>().CreateDbContext());
                services.AddSingleton<IDbContextFactory<AppDbContext>>(sp =>
                    new UpcastingFactory<SqlServerAppDbContext>(sp.GetRequiredService<IDbContextFactory<SqlServerAppDbContext>>()));
                break;

            case DatabaseProvider.PostgreSql:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException(
                        "Database:Provider is PostgreSql but ConnectionStrings:Default is empty. Set it to your PostgreSQL connection string (Host=...;Database=...;Username=...;Password=...).");
                }

                // Npgsql sends a SaveChanges as one batch in one round trip. No retrying execution strategy: the OCPP
                // writers open their own transactions, which a retrying strategy refuses.
                services.AddDbContextFactory<PostgreSqlAppDbContext>(o => o.UseNpgsql(connectionString));
                services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<IDbContextFactory<PostgreSqlAppDbContext>>().CreateDbContext());
                services.AddSingleton<IDbContextFactory<AppDbContext>>(sp =>
                    new UpcastingFactory<PostgreSqlAppDbContext>(sp.GetRequiredService<IDbContextFactory<PostgreSqlAppDbContext>>()));
                break;

            default:
                connectionString = string.IsNullOrWhiteSpace(connectionString)
                    ? SqliteConnectionStringFor(options.DataDirectory)
                    : connectionString;
                EnsureSqliteDirectoryExists(connectionString);
                services.AddDbContextFactory<SqliteAppDbContext>(o => o.UseSqlite(connectionString).AddInterceptors(new SqliteConnectionPragmas()));
                services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<IDbContextFactory<SqliteAppDbContext>>().CreateDbContext());
                services.AddSingleton<IDbContextFactory<AppDbContext>>(sp =>
                    new UpcastingFactory<SqliteAppDbContext>(sp.GetRequiredService<IDbContextFactory<SqliteAppDbContext>>()));
                break;
        }

        services.AddSingleton(DatabaseWriteGate.ForProvider(options.Provider));
        services.AddScoped<DatabaseInitializer>();
        services.AddValidatedOptions<SeedOptions>(SeedOptions.Section);
        services.AddScoped<DemoSeeder>();
        services.AddScoped<Demo.DemoHistory>();
        return services;
    }

    /// <summary>The default embedded database: a file in the user's local application data folder.</summary>
    public static string SqliteConnectionStringFor(string? dataDirectory)
    {
        var directory = string.IsNullOrWhiteSpace(dataDirectory)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "ChargePortal")
            : dataDirectory;
        return $"Data Source={Path.Combine(directory, "chargeportal.db")}";
    }

    private static void EnsureSqliteDirectoryExists(string connectionString)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(directory) && builder.DataSource != ":memory:")
        {
            Directory.CreateDirectory(directory);
        }
    }

    private sealed class UpcastingFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<AppDbContext>
        where TContext : AppDbContext
    {
        public AppDbContext CreateDbContext() => inner.CreateDbContext();
    }
}

/// <summary>Lets `dotnet ef` build the SQLite context without starting the host.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>Lets `dotnet ef` build the SQL Server context without a server.</summary>
public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerAppDbContext>
{
    public SqlServerAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerAppDbContext>().UseSqlServer("Server=(design-time);Database=ChargePortal").Options);
}

/// <summary>Lets `dotnet ef` build the PostgreSQL context without a server.</summary>
public sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlAppDbContext>
{
    public PostgreSqlAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlAppDbContext>().UseNpgsql("Host=design-time;Database=chargeportal").Options);
}
