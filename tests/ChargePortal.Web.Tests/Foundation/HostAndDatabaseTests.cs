using System.Net;
using ChargePortal.Web.Accounts;
using ChargePortal.Web.Data;
using ChargePortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChargePortal.Web.Tests.Foundation;

public sealed class HostAndDatabaseTests(ChargePortalFactory factory) : IClassFixture<ChargePortalFactory>
{
    [Fact]
    public async Task Sqlite_connections_wait_for_a_busy_writer_in_sqlite_itself()
    {
        Assert.SkipWhen(TestDatabase.UsesPostgres, "A SQLite setting.");
        // Left at Microsoft.Data.Sqlite's 0, a write meeting another writer is retried only after a 150 ms sleep.
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout;";
        Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(30_000);
    }

    [Fact]
    public async Task Health_endpoints_report_live_and_ready()
    {
        var client = factory.CreateClient();
        var live = await client.GetAsync("/health/live", TestContext.Current.CancellationToken);
        var ready = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);
        live.StatusCode.ShouldBe(HttpStatusCode.OK);
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBe("Healthy");
    }

    [Fact]
    public async Task OpenApi_document_describes_the_station_api()
    {
        var json = await factory.CreateClient().GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        json.ShouldContain("\"/api/stations\"");
        json.ShouldContain("\"/api/stations/{id}\"");
    }

    [Fact]
    public async Task Demo_seed_is_idempotent()
    {
        _ = factory.Server;
        var ct = TestContext.Current.CancellationToken;
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var before = (await db.Stations.CountAsync(ct), await db.Sites.CountAsync(ct), await db.Users.CountAsync(ct), await db.IdTokens.CountAsync(ct), await db.ApiKeys.CountAsync(ct));

        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(ct);

        var after = (await db.Stations.CountAsync(ct), await db.Sites.CountAsync(ct), await db.Users.CountAsync(ct), await db.IdTokens.CountAsync(ct), await db.ApiKeys.CountAsync(ct));
        after.ShouldBe(before);
        before.Item1.ShouldBe(10);
        before.Item2.ShouldBe(3);
    }

    [Fact]
    public async Task Unknown_page_gets_the_friendly_404()
    {
        var response = await factory.CreateClient().GetAsync("/no/such/page", TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("data-testid=\"not-found\"");
    }
}

/// <summary>A host on a database nobody has created yet (on PostgreSQL too: no copy of the test template).</summary>
public sealed class EmptyDatabaseFactory() : ChargePortalFactory(emptyDatabase: true);

/// <summary>Its own host, so nothing else has touched the database before the test looks.</summary>
public sealed class EmptyDatabaseMigrationTests(EmptyDatabaseFactory factory) : IClassFixture<EmptyDatabaseFactory>
{
    [Fact]
    public async Task Migrations_apply_to_an_empty_database_and_leave_nothing_pending()
    {
        // On PostgreSQL the factory names a database nobody has created: the start-up migration creates it.
        File.Exists(factory.DatabasePath).ShouldBeFalse("the test starts from no database at all");
        _ = factory.Server;

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.GetType().ShouldBe(factory.Database.IsPostgres ? typeof(PostgreSqlAppDbContext) : typeof(SqliteAppDbContext));
        var applied = (await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken)).ToList();
        applied.ShouldNotBeEmpty();
        applied.ShouldBe(db.Database.GetMigrations().ToList());
        (await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();
        File.Exists(factory.DatabasePath).ShouldBe(!factory.Database.IsPostgres);

        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            (await roles.RoleExistsAsync(role)).ShouldBeTrue(role);
        }
    }
}
