using ChargePortal.Web.Data;
using ChargePortal.Web.Ocpp;
using ChargePortal.Web.Tests.Infrastructure;
using ChargePortal.Web.Tests.Management;
using ChargePortal.Web.Transactions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Tests.Foundation;

/// <summary>
/// The bulk inserter writes through SQLite's own API: each stored value must be byte for byte what EF writes for the
/// same entity (storage class and text), or reads, sorting and comparisons would differ between the two paths.
/// </summary>
public sealed class RowInserterTests(ChargePortalFactory factory) : IClassFixture<ChargePortalFactory>
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 9, 30, 15, 123, TimeSpan.Zero);

    public static TheoryData<decimal> Values => [0m, 1.5m, 12345.678m, -3m, 0.0001m, 79228162514264337593543950335m];

    [Theory]
    [MemberData(nameof(Values))]
    public async Task Meter_rows_are_stored_exactly_as_EF_stores_them(decimal value)
    {
        Assert.SkipWhen(TestDatabase.UsesPostgres, "SQLite's prepared inserter; on PostgreSQL rows go through EF (ProviderBatchingTests).");
        var ct = TestContext.Current.CancellationToken;
        var stationId = $"ROWS-{Guid.NewGuid():N}"[..20];
        MeterValue Sample(string measurand) => new()
        {
            StationId = stationId,
            EvseId = 2,
            TransactionId = measurand == "A" ? 42 : null,
            Timestamp = At,
            Measurand = measurand,
            Unit = measurand == "A" ? "Wh" : null,
            Phase = "L1-N",
            Value = value,
        };

        await InsertBothWaysAsync(Sample("A"), Sample("A"), ct);
        await InsertBothWaysAsync(Sample("B"), Sample("B"), ct);

        var stored = await StoredAsync("MeterValues", "StationId", stationId, ct);
        stored.Count.ShouldBe(4);
        stored[1].ShouldBe(stored[0]);
        stored[3].ShouldBe(stored[2]);

        await using var db = await factory.Db().CreateDbContextAsync(ct);
        var read = await db.MeterValues.AsNoTracking().Where(m => m.StationId == stationId).OrderBy(m => m.Id).ToListAsync(ct);
        read.ShouldAllBe(m => m.Value == value && m.Timestamp == At);
    }

    [Fact]
    public async Task Log_rows_keep_text_enums_times_and_nulls_exactly_as_EF_stores_them()
    {
        Assert.SkipWhen(TestDatabase.UsesPostgres, "SQLite's prepared inserter; on PostgreSQL rows go through EF (ProviderBatchingTests).");
        var ct = TestContext.Current.CancellationToken;
        var stationId = $"ROWS-{Guid.NewGuid():N}"[..20];
        OcppMessageLogEntry Entry(string? messageId) => new()
        {
            StationId = stationId,
            At = At,
            Direction = MessageDirection.ToStation,
            MessageType = 3,
            MessageId = messageId,
            Action = messageId is null ? null : "Heartbeat",

            // Non-ASCII, a surrogate pair and an embedded NUL must round-trip as text.
            Payload = "[3,\"7\",{\"info\":\"Zoë ✓ 🚗 \u0000 end\"}]",
        };

        await InsertBothWaysAsync(Entry("msg-7"), Entry("msg-7"), ct);
        await InsertBothWaysAsync(Entry(null), Entry(null), ct);

        var stored = await StoredAsync("OcppMessageLog", "StationId", stationId, ct);
        stored.Count.ShouldBe(4);
        stored[1].ShouldBe(stored[0]);
        stored[3].ShouldBe(stored[2]);
        stored[2].ShouldContain("MessageId=null:");
        stored[0].ShouldContain($"Payload=text:{Convert.ToHexString(System.Text.Encoding.UTF8.GetBytes(Entry(null).Payload))}");

        await using var db = await factory.Db().CreateDbContextAsync(ct);
        var read = await db.OcppMessageLog.AsNoTracking().Where(m => m.StationId == stationId).OrderBy(m => m.Id).ToListAsync(ct);
        var payload = Entry(null).Payload;
        read.ShouldAllBe(m => m.Payload == payload && m.Direction == MessageDirection.ToStation && m.At == At);
    }

    [Fact]
    public async Task A_failing_row_rolls_back_the_whole_batch()
    {
        Assert.SkipWhen(TestDatabase.UsesPostgres, "SQLite's prepared inserter; on PostgreSQL rows go through EF (ProviderBatchingTests).");
        var ct = TestContext.Current.CancellationToken;
        var stationId = $"ROWS-{Guid.NewGuid():N}"[..20];
        OcppMessageLogEntry Entry(string payload) => new() { StationId = stationId, At = At, Payload = payload };

        await using var db = await factory.Db().CreateDbContextAsync(ct);
        await Should.ThrowAsync<SqliteException>(() => RowInserter.InsertAsync(db, [Entry("first"), Entry(null!)], ct));

        (await StoredAsync("OcppMessageLog", "StationId", stationId, ct)).ShouldBeEmpty();
    }

    private async Task InsertBothWaysAsync<TEntity>(TEntity byEf, TEntity byInserter, CancellationToken ct)
        where TEntity : class
    {
        await using var db = await factory.Db().CreateDbContextAsync(ct);
        db.Add(byEf);
        await db.SaveChangesAsync(ct);
        await RowInserter.InsertAsync(db, [byInserter], ct);
    }

    private Task<List<string>> StoredAsync(string table, string keyColumn, string key, CancellationToken ct) =>
        SqliteRows.StoredAsync(factory.DatabasePath, table, keyColumn, key, ["Id"], ct);
}
