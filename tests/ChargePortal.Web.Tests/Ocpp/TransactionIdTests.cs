using ChargePortal.Web.Data;
using ChargePortal.Web.Live;
using ChargePortal.Web.Tests.Infrastructure;
using ChargePortal.Web.Transactions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace ChargePortal.Web.Tests.Ocpp;

/// <summary>
/// OCPP 1.6 sessions take their transaction id from the station's own counter, written with the row. Another reader
/// (the API, a page, a remote stop) must never see a session without its id (real SQLite, WAL, a second connection).
/// </summary>
public sealed class TransactionIdTests(ChargePortalFactory factory) : IClassFixture<ChargePortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_16_session_is_never_visible_with_its_placeholder_id()
    {
        _ = factory.Server;
        var appDb = factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var probe = new VisibleTransactionIds(appDb, "TXID-01");
        var recorder = new TransactionRecorder(new WithInterceptor(appDb, probe), factory.Services.GetRequiredService<DatabaseWriteGate>(),
            factory.Services.GetRequiredService<IStationEventPublisher>());
        await using (var db = await appDb.CreateDbContextAsync(Ct))
        {
            db.Stations.Add(new Stations.Station { Id = "TXID-01", Name = "TXID-01", CreatedAt = DateTimeOffset.UnixEpoch });
            await db.SaveChangesAsync(Ct);
        }

        var recorded = await recorder.StartAsync(new TransactionStart("TXID-01", 1, 1, null, "TAG", null, 1_000, DateTimeOffset.UtcNow, null), Ct);

        recorded.OcppTransactionId.ShouldBe("1", "the station's first transaction");
        probe.Seen.ShouldNotBeEmpty();
        probe.Seen.ShouldAllBe(ids => ids.All(id => !id.StartsWith("pending-", StringComparison.Ordinal)));
        await using (var db = await appDb.CreateDbContextAsync(Ct))
        {
            (await db.Transactions.SingleAsync(t => t.StationId == "TXID-01", Ct)).OcppTransactionId.ShouldBe(recorded.OcppTransactionId);
        }
    }

    /// <summary>After each save of the recorder, what another connection reads as the station's transaction ids.</summary>
    private sealed class VisibleTransactionIds(IDbContextFactory<AppDbContext> db, string stationId) : SaveChangesInterceptor
    {
        public List<string[]> Seen { get; } = [];

        public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            await using var other = await db.CreateDbContextAsync(cancellationToken);
            Seen.Add(await other.Transactions.Where(t => t.StationId == stationId).Select(t => t.OcppTransactionId).ToArrayAsync(cancellationToken));
            return result;
        }
    }

    /// <summary>The host's contexts with one interceptor more.</summary>
    private sealed class WithInterceptor(IDbContextFactory<AppDbContext> inner, IInterceptor interceptor) : IDbContextFactory<AppDbContext>
    {
        public AppDbContext CreateDbContext()
        {
            var template = inner.CreateDbContext();
            var connection = template.Database.GetConnectionString();
            template.Dispose();
            return template is PostgreSqlAppDbContext
                ? new PostgreSqlAppDbContext(new DbContextOptionsBuilder<PostgreSqlAppDbContext>().UseNpgsql(connection).AddInterceptors(interceptor).Options)
                : new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(connection).AddInterceptors(interceptor).Options);
        }
    }
}
