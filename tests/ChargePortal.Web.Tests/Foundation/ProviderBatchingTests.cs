using ChargePortal.Web.Data;
using ChargePortal.Web.Ocpp;
using ChargePortal.Web.Tests.Infrastructure;
using ChargePortal.Web.Tests.Management;
using ChargePortal.Web.Transactions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChargePortal.Web.Tests.Foundation;

/// <summary>
/// The fleet writers' batching on whichever database this pass runs on: SQLite's prepared inserter behind its single-writer
/// gate, or (CHARGEPORTAL_TEST_DATABASE=postgres) EF's own batches with no gate. The rows read back the same either way.
/// </summary>
public sealed class ProviderBatchingTests(ChargePortalFactory factory) : IClassFixture<ChargePortalFactory>
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 9, 30, 15, 123, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_batch_reads_back_exactly_and_a_station_local_time_is_stored_as_the_same_instant()
    {
        var stationId = $"BATCH-{Guid.NewGuid():N}"[..20];
        MeterValue Sample(int i) => new()
        {
            StationId = stationId,
            EvseId = 1,
            TransactionId = i,
            // A station reporting its local time (+02:00): PostgreSQL's timestamptz takes only UTC from Npgsql.
            Timestamp = At.AddSeconds(i).ToOffset(TimeSpan.FromHours(2)),
            Measurand = "Energy.Active.Import.Register",
            Unit = "Wh",
            Value = 1000.25m + i,
        };

        await using (var db = await factory.Db().CreateDbContextAsync(Ct))
        {
            await RowInserter.InsertAsync(db, [.. Enumerable.Range(0, 50).Select(Sample)], Ct);
        }

        await using var read = await factory.Db().CreateDbContextAsync(Ct);
        var stored = await read.MeterValues.Where(m => m.StationId == stationId).OrderBy(m => m.Timestamp).ToListAsync(Ct);
        stored.Count.ShouldBe(50);
        stored.Select(m => m.Value).ShouldBe(Enumerable.Range(0, 50).Select(i => 1000.25m + i));
        stored.Select(m => m.Timestamp.UtcDateTime).ShouldBe(Enumerable.Range(0, 50).Select(i => At.AddSeconds(i).UtcDateTime));

        // On PostgreSQL a bound in another offset compares as the instant it is. (SQLite's binary encoding orders only
        // values of one offset, which is why the host compares UTC times only.)
        if (factory.Database.IsPostgres)
        {
            var bound = At.AddSeconds(10).ToOffset(TimeSpan.FromHours(-5));
            (await read.MeterValues.CountAsync(m => m.StationId == stationId && m.Timestamp < bound, Ct)).ShouldBe(10);
        }
    }

    [Fact]
    public async Task A_failing_row_rolls_back_the_whole_batch()
    {
        var stationId = $"BATCH-{Guid.NewGuid():N}"[..20];
        OcppMessageLogEntry Entry(string payload) => new() { StationId = stationId, At = At, Payload = payload };

        await using (var db = await factory.Db().CreateDbContextAsync(Ct))
        {
            // SqliteException from the prepared inserter, DbUpdateException from EF's batch on PostgreSQL.
            await Should.ThrowAsync<Exception>(() => RowInserter.InsertAsync(db, [Entry("first"), Entry(null!), Entry("third")], Ct));
        }

        await using var read = await factory.Db().CreateDbContextAsync(Ct);
        (await read.OcppMessageLog.CountAsync(e => e.StationId == stationId, Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task Writers_queue_at_the_gate_only_on_SQLite()
    {
        var gate = factory.Services.GetRequiredService<DatabaseWriteGate>();
        var held = await gate.EnterAsync(Ct);
        Task<DatabaseWriteGate.Turn> second;
        try
        {
            second = gate.EnterAsync(Ct).AsTask();
            await Task.Delay(100, Ct);

            // PostgreSQL locks rows: a second writer goes straight through.
            second.IsCompleted.ShouldBe(factory.Database.IsPostgres);
        }
        finally
        {
            held.Dispose();
        }

        (await second.WaitAsync(TimeSpan.FromSeconds(10), Ct)).Dispose();
    }
}
