using System.Net.WebSockets;
using System.Text.Json.Nodes;
using ChargePortal.Web.Data;
using ChargePortal.Web.Kernel;
using ChargePortal.Web.Stations;
using ChargePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChargePortal.Web.Tests.Ocpp;

/// <summary>
/// A reconnect storm: many stations connect, boot and report their connectors at once. Their writes are stored by group
/// commit (<see cref="StationStateWriter"/>), several stations per transaction, and nothing a station said is lost.
/// </summary>
public sealed class BootStormTests(KestrelChargePortalFactory factory) : IClassFixture<KestrelChargePortalFactory>
{
    [Fact]
    public async Task A_storm_of_boots_stores_every_boot_field_and_every_first_status_in_shared_transactions()
    {
        const int count = 60;
        var writer = factory.Services.GetRequiredService<StationStateWriter>();
        var transactionsBefore = writer.Transactions;
        var lifecycle = factory.Services.GetRequiredService<StationLifecycle>();
        var handshakeReadsBefore = lifecycle.HandshakeReads;
        var clients = await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            var v16 = i % 2 == 0;
            var client = await RawOcppClient.ConnectAsync(factory.OcppUri, $"STORM-{i:D2}", v16 ? OcppTestData.V16 : OcppTestData.V201);
            var boot = v16
                ? new JsonObject { ["chargePointVendor"] = $"Vendor{i}", ["chargePointModel"] = $"Model{i}", ["chargePointSerialNumber"] = $"SN{i}", ["firmwareVersion"] = $"fw{i}" }
                : new JsonObject { ["reason"] = "PowerUp", ["chargingStation"] = new JsonObject { ["vendorName"] = $"Vendor{i}", ["model"] = $"Model{i}", ["serialNumber"] = $"SN{i}", ["firmwareVersion"] = $"fw{i}" } };
            (await client.CallOkAsync("BootNotification", boot))["status"]!.GetValue<string>().ShouldBe("Accepted");
            for (var connector = 1; connector <= 2; connector++)
            {
                var status = connector == 1 ? "Available" : (v16 ? "Faulted" : "Unavailable");
                await client.CallOkAsync("StatusNotification", v16
                    ? new JsonObject { ["connectorId"] = connector, ["errorCode"] = connector == 1 ? "NoError" : "GroundFailure", ["status"] = status }
                    : new JsonObject { ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"), ["connectorStatus"] = status, ["evseId"] = connector, ["connectorId"] = 1 });
            }

            return client;
        }));
        try
        {
            // Every answer went out after its change was stored: nothing is left to wait for.
            writer.Pending.ShouldBe(0);
            await using var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
            var stations = await db.Stations.AsNoTracking().Include(s => s.Connectors)
                .Where(s => s.Id.StartsWith("STORM-")).ToListAsync(TestContext.Current.CancellationToken);
            stations.Count.ShouldBe(count);
            foreach (var station in stations)
            {
                var i = int.Parse(station.Id["STORM-".Length..], System.Globalization.CultureInfo.InvariantCulture);
                var v16 = i % 2 == 0;
                station.ShouldSatisfyAllConditions(
                    () => station.Vendor.ShouldBe($"Vendor{i}"),
                    () => station.Model.ShouldBe($"Model{i}"),
                    () => station.SerialNumber.ShouldBe($"SN{i}"),
                    () => station.FirmwareVersion.ShouldBe($"fw{i}"),
                    () => station.LastBootAt.ShouldNotBeNull(),
                    () => station.IsOnline.ShouldBeTrue(),
                    () => station.OcppVersion.ShouldBe(v16 ? ChargePortal.Ocpp.OcppVersion.V16 : ChargePortal.Ocpp.OcppVersion.V201),
                    () => station.HeartbeatIntervalSeconds.ShouldBe(300));
                var connectors = station.Connectors.OrderBy(c => c.EvseId).ToList();
                connectors.Count.ShouldBe(2, station.Id);
                connectors[0].Status.ShouldBe(ConnectorStatus.Available, station.Id);
                connectors[1].Status.ShouldBe(v16 ? ConnectorStatus.Faulted : ConnectorStatus.Unavailable, station.Id);
                connectors[1].ErrorCode.ShouldBe(v16 ? "GroundFailure" : null, station.Id);
            }

            // Registration, connect, boot and two statuses per station: 300 changes, fewer transactions.
            (writer.Transactions - transactionsBefore).ShouldBeLessThan(count * 5);

            // The handshakes' station reads are shared by the stations connecting together, not one query each.
            (lifecycle.HandshakeReads - handshakeReadsBefore).ShouldBeLessThan(count);
        }
        finally
        {
            await Task.WhenAll(clients.Select(c => c.DisposeAsync().AsTask()));
        }
    }

    [Fact]
    public async Task A_station_disconnecting_after_its_boot_is_stored_offline()
    {
        var client = await RawOcppClient.ConnectAsync(factory.OcppUri, "LEFT-AFTER-BOOT", OcppTestData.V16);
        await client.CallOkAsync("BootNotification", OcppTestData.Boot16());
        await client.DisposeAsync();
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        for (var tries = 0; tries < 100 && await db.Stations.AsNoTracking().Where(s => s.Id == "LEFT-AFTER-BOOT").Select(s => s.IsOnline).SingleAsync(TestContext.Current.CancellationToken); tries++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        (await db.Stations.AsNoTracking().SingleAsync(s => s.Id == "LEFT-AFTER-BOOT", TestContext.Current.CancellationToken)).ShouldSatisfyAllConditions(
            s => s.IsOnline.ShouldBeFalse(),
            s => s.Vendor.ShouldBe("TestVendor"));
    }
}

/// <summary>One station at a time may be between its handshake and its boot answer; nobody waits in line past three.</summary>
public sealed class SingleAdmissionFactory : KestrelChargePortalFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Ocpp:AdmissionConcurrency"] = "1",
        ["Ocpp:AdmissionQueueLimit"] = "1",
        ["Ocpp:AdmissionHoldSeconds"] = "60",
    };
}

/// <summary>Connection admission: stations beyond Ocpp:AdmissionConcurrency wait for a turn rather than being refused.</summary>
public sealed class StationAdmissionTests(SingleAdmissionFactory factory) : IClassFixture<SingleAdmissionFactory>
{
    [Fact]
    public async Task A_station_connecting_while_another_has_not_booted_waits_for_that_boot_then_connects()
    {
        await using var first = await RawOcppClient.ConnectAsync(factory.OcppUri, "ADMIT-1", OcppTestData.V16);
        var second = RawOcppClient.ConnectAsync(factory.OcppUri, "ADMIT-2", OcppTestData.V16);

        // Waiting, not refused: the handshake is neither answered nor failed while the first station holds the turn.
        await Task.Delay(TimeSpan.FromSeconds(1.5), TestContext.Current.CancellationToken);
        second.IsCompleted.ShouldBeFalse();

        // A third while one already waits: the queue (limit 1) is full, so it is told to come back later.
        (await RawOcppClient.RefusedStatusAsync(factory.OcppUri, "ADMIT-3", "ocpp1.6")).ShouldBe(System.Net.HttpStatusCode.ServiceUnavailable);

        (await first.CallOkAsync("BootNotification", OcppTestData.Boot16()))["status"]!.GetValue<string>().ShouldBe("Accepted");
        await using var admitted = await second;
        admitted.State.ShouldBe(WebSocketState.Open);
        (await admitted.CallOkAsync("BootNotification", OcppTestData.Boot16()))["status"]!.GetValue<string>().ShouldBe("Accepted");
    }

    [Fact]
    public async Task A_station_that_disconnects_before_booting_gives_its_turn_back()
    {
        var early = await RawOcppClient.ConnectAsync(factory.OcppUri, "ADMIT-LEFT", OcppTestData.V16);
        var next = RawOcppClient.ConnectAsync(factory.OcppUri, "ADMIT-NEXT", OcppTestData.V16);
        await early.DisposeAsync();
        await using var admitted = await next;
        (await admitted.CallOkAsync("BootNotification", OcppTestData.Boot16()))["status"]!.GetValue<string>().ShouldBe("Accepted");
    }
}
