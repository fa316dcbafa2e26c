using ChargePortal.Ocpp;
using ChargePortal.Web.Kernel;
using ChargePortal.Web.Stations;
using ChargePortal.Web.Tests.Infrastructure;
using ChargePortal.Web.Tests.Management;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChargePortal.Web.Tests.Foundation;

/// <summary>
/// What stations say at connect and boot is stored by <see cref="StationStateWriter"/> in batches: on SQLite by prepared
/// statements that set only the columns a change names, elsewhere by EF. Either way the rows are what EF would write,
/// and a batch never undoes what another writer changed meanwhile.
/// </summary>
public sealed class StationStateBatchTests(ChargePortalFactory factory) : IClassFixture<ChargePortalFactory>
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 21, 15, 30, 250, TimeSpan.Zero);

    [Fact]
    public async Task Rows_written_by_the_state_writer_are_byte_for_byte_the_rows_EF_writes()
    {
        Assert.SkipWhen(TestDatabase.UsesPostgres, "SQLite's prepared statements; on PostgreSQL the writer saves through EF.");
        var ct = TestContext.Current.CancellationToken;
        var (byWriter, byEf) = (NewId(), NewId());
        await AddStationAsync(byWriter, ct);
        await AddStationAsync(byEf, ct);

        var writer = factory.Services.GetRequiredService<StationStateWriter>();
        await Task.WhenAll(
            writer.WriteAsync(new StationConnectionStored(byWriter, true, OcppVersion.V201, At), ct),
            writer.WriteAsync(new StationBootStored(byWriter, "Vendor ✓", "Model", null, "fw 1.2", At.AddSeconds(1), 300), ct),
            writer.WriteAsync(new ConnectorStatusStored(byWriter, 1, 1, ConnectorStatus.Faulted, "GroundFailure", At.AddSeconds(2)), ct),
            writer.WriteAsync(new ConnectorStatusStored(byWriter, 2, 1, ConnectorStatus.Available, null, At.AddSeconds(2)), ct));

        await using (var db = await factory.Db().CreateDbContextAsync(ct))
        {
            var station = await db.Stations.Include(s => s.Connectors).SingleAsync(s => s.Id == byEf, ct);
            (station.IsOnline, station.OcppVersion, station.LastSeenAt) = (true, OcppVersion.V201, At.AddSeconds(1));
            (station.Vendor, station.Model, station.SerialNumber, station.FirmwareVersion) = ("Vendor ✓", "Model", null, "fw 1.2");
            (station.LastBootAt, station.HeartbeatIntervalSeconds) = (At.AddSeconds(1), 300);
            var first = station.Connectors.Single();
            (first.Status, first.ErrorCode, first.StatusChangedAt) = (ConnectorStatus.Faulted, "GroundFailure", At.AddSeconds(2));
            db.Connectors.Add(new Connector { StationId = byEf, EvseId = 2, ConnectorId = 1, Status = ConnectorStatus.Available, StatusChangedAt = At.AddSeconds(2) });
            await db.SaveChangesAsync(ct);
        }

        var stations = await StoredAsync("Stations", "Id", byWriter, byEf, ct);
        stations.Written.ShouldHaveSingleItem().ShouldBe(stations.Expected.ShouldHaveSingleItem());
        stations.Written[0].ShouldContain($"FirmwareVersion=text:{Convert.ToHexString("fw 1.2"u8)}");
        var connectors = await StoredAsync("Connectors", "StationId", byWriter, byEf, ct);
        connectors.Written.Count.ShouldBe(2);
        connectors.Written.ShouldBe(connectors.Expected);
    }

    [Fact]
    public async Task A_batch_sets_only_the_columns_its_changes_name()
    {
        var ct = TestContext.Current.CancellationToken;
        var stationId = NewId();
        await AddStationAsync(stationId, ct);

        await using var db = await factory.Db().CreateDbContextAsync(ct);
        StationStateChange[] changes =
        [
            new StationConnectionStored(stationId, true, OcppVersion.V16, At),
            new ConnectorStatusStored(stationId, 1, 1, ConnectorStatus.Charging, null, At),
        ];
        var batch = await StationStateBatch.LoadAsync(db, changes, ct);

        // Between the batch's read and its write, the boot columns and the connector's fault change elsewhere.
        await using (var other = await factory.Db().CreateDbContextAsync(ct))
        {
            var station = await other.Stations.Include(s => s.Connectors).SingleAsync(s => s.Id == stationId, ct);
            (station.FirmwareVersion, station.Name, station.HeartbeatIntervalSeconds) = ("fw-meanwhile", "Renamed meanwhile", 77);
            station.Connectors.Single().MaxPowerW = 50_000;
            await other.SaveChangesAsync(ct);
        }

        foreach (var change in changes)
        {
            change.Apply(batch);
        }

        await batch.SaveAsync(ct);

        await using var check = await factory.Db().CreateDbContextAsync(ct);
        var stored = await check.Stations.AsNoTracking().Include(s => s.Connectors).SingleAsync(s => s.Id == stationId, ct);
        stored.ShouldSatisfyAllConditions(
            s => s.IsOnline.ShouldBeTrue(),
            s => s.OcppVersion.ShouldBe(OcppVersion.V16),
            s => s.LastSeenAt.ShouldBe(At),
            s => s.FirmwareVersion.ShouldBe("fw-meanwhile"),
            s => s.Name.ShouldBe("Renamed meanwhile"),
            s => s.HeartbeatIntervalSeconds.ShouldBe(77),
            s => s.Connectors.Single().Status.ShouldBe(ConnectorStatus.Charging),
            s => s.Connectors.Single().MaxPowerW.ShouldBe(50_000));
    }

    [Fact]
    public async Task An_older_status_never_overwrites_a_newer_one_and_a_status_of_an_unknown_station_is_dropped()
    {
        var ct = TestContext.Current.CancellationToken;
        var stationId = NewId();
        await AddStationAsync(stationId, ct);
        var writer = factory.Services.GetRequiredService<StationStateWriter>();

        await writer.WriteAsync(new ConnectorStatusStored(stationId, 1, 1, ConnectorStatus.Charging, null, At.AddMinutes(5)), ct);
        await Task.WhenAll(
            writer.WriteAsync(new ConnectorStatusStored(stationId, 1, 1, ConnectorStatus.Available, null, At), ct),
            writer.WriteAsync(new ConnectorStatusStored("NO-SUCH-STATION", 1, 1, ConnectorStatus.Available, null, At), ct));

        await using var db = await factory.Db().CreateDbContextAsync(ct);
        var connector = await db.Connectors.AsNoTracking().SingleAsync(c => c.StationId == stationId, ct);
        (connector.Status, connector.StatusChangedAt).ShouldBe((ConnectorStatus.Charging, At.AddMinutes(5)));
        (await db.Connectors.AnyAsync(c => c.StationId == "NO-SUCH-STATION", ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_station_registering_itself_is_stored_with_what_it_said_in_the_same_batch()
    {
        var ct = TestContext.Current.CancellationToken;
        var stationId = NewId();
        var writer = factory.Services.GetRequiredService<StationStateWriter>();

        await Task.WhenAll(
            writer.WriteAsync(new StationCreated(new Station { Id = stationId, Name = stationId, CreatedAt = At }), ct),
            writer.WriteAsync(new StationConnectionStored(stationId, true, OcppVersion.V201, At), ct),
            writer.WriteAsync(new ConnectorStatusStored(stationId, 1, 1, ConnectorStatus.Available, null, At), ct));

        // A second registration of the same id (a race with another node) changes nothing.
        await writer.WriteAsync(new StationCreated(new Station { Id = stationId, Name = "Second", CreatedAt = At }), ct);

        await using var db = await factory.Db().CreateDbContextAsync(ct);
        var stored = await db.Stations.AsNoTracking().Include(s => s.Connectors).SingleAsync(s => s.Id == stationId, ct);
        stored.ShouldSatisfyAllConditions(
            s => s.Name.ShouldBe(stationId),
            s => s.IsOnline.ShouldBeTrue(),
            s => s.OcppVersion.ShouldBe(OcppVersion.V201),
            s => s.Connectors.ShouldHaveSingleItem().Status.ShouldBe(ConnectorStatus.Available));
    }

    [Fact]
    public async Task A_registration_racing_another_nodes_keeps_that_nodes_row_and_updates_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var stationId = NewId();
        await using var db = await factory.Db().CreateDbContextAsync(ct);
        StationStateChange[] changes =
        [
            new StationCreated(new Station { Id = stationId, Name = "Ours", CreatedAt = At }),
            new StationConnectionStored(stationId, true, OcppVersion.V201, At),
        ];
        var batch = await StationStateBatch.LoadAsync(db, changes, ct);
        await AddStationAsync(stationId, ct);
        foreach (var change in changes)
        {
            change.Apply(batch);
        }

        if (TestDatabase.UsesPostgres)
        {
            // EF's insert fails; the station lifecycle takes that as the other node having won.
            await Should.ThrowAsync<DbUpdateException>(() => batch.SaveAsync(ct));
        }
        else
        {
            await batch.SaveAsync(ct);
        }

        await using var check = await factory.Db().CreateDbContextAsync(ct);
        var stored = await check.Stations.AsNoTracking().SingleAsync(s => s.Id == stationId, ct);
        stored.Name.ShouldBe("Same name");

        // On SQLite the insert is skipped and the connection still lands on the other node's row; on PostgreSQL the
        // writer stores the batch's changes one by one after the failure, where the registration finds the row.
        stored.IsOnline.ShouldBe(!TestDatabase.UsesPostgres);
    }

    private static string NewId() => $"STATE-{Guid.NewGuid():N}"[..20];

    private async Task AddStationAsync(string stationId, CancellationToken ct)
    {
        await using var db = await factory.Db().CreateDbContextAsync(ct);
        db.Stations.Add(new Station
        {
            Id = stationId,
            Name = "Same name",
            CreatedAt = At,
            Connectors = [new Connector { StationId = stationId, EvseId = 1, ConnectorId = 1 }],
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The rows of the station written by the writer and of the one written by EF, with the keys left out.</summary>
    private async Task<(List<string> Written, List<string> Expected)> StoredAsync(string table, string keyColumn, string byWriter, string byEf, CancellationToken ct) =>
        (await SqliteRows.StoredAsync(factory.DatabasePath, table, keyColumn, byWriter, ["Id", "StationId"], ct),
         await SqliteRows.StoredAsync(factory.DatabasePath, table, keyColumn, byEf, ["Id", "StationId"], ct));
}
