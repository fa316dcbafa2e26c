using System.Globalization;
using System.Text.Json.Nodes;
using ChargePortal.Web.Data;
using ChargePortal.Web.Payments;
using ChargePortal.Web.Tests.Infrastructure;
using ChargePortal.Web.Transactions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChargePortal.Web.Tests.Ocpp.OcppTestData;

namespace ChargePortal.Web.Tests.Ocpp;

/// <summary>
/// A 1.6 session whose StopTransaction never comes (the station lost power) is closed when the station is back: when it
/// reboots and reports the connector Available, or when the connector starts another transaction. It ends at its last
/// meter value, is priced (demo tariff €0.39/kWh) and its hold is captured.
/// </summary>
public sealed class V16AbandonedSessionTests(KestrelChargePortalFactory factory) : IClassFixture<KestrelChargePortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_session_left_open_by_a_power_loss_closes_when_the_station_reboots_with_the_connector_Available()
    {
        const string stationId = "AMS-ZA-01";
        _ = factory.BaseUri;
        var (hold, _) = await DriverHolds.AcceptedAsync(factory.Services, stationId, "DEMO-DRIVER-CARD", Ct);
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-30);
        int txId;
        await using (var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, stationId, V16))
        {
            await cp.CallOkAsync("BootNotification", Boot16());
            txId = (await cp.CallOkAsync("StartTransaction", new JsonObject { ["connectorId"] = 1, ["idTag"] = "DEMO-DRIVER-CARD", ["meterStart"] = 2_000, ["timestamp"] = Iso(t0) }))["transactionId"]!.GetValue<int>();
            await cp.CallOkAsync("MeterValues", new JsonObject { ["connectorId"] = 1, ["transactionId"] = txId, ["meterValue"] = new JsonArray(Meter16(t0.AddMinutes(10), 7_000)) });
            await EventuallyAsync(() => SessionAsync(stationId, txId), t => t.EnergyWh == 5_000);

            // Available on the other connector closes nothing: connector 1 is still charging.
            await cp.CallOkAsync("StatusNotification", Available(2));
        }

        (await SessionAsync(stationId, txId)).Status.ShouldBe(TransactionStatus.Active);

        // Power is back: the station boots and reports connector 1 free; no StopTransaction ever comes.
        await using (var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, stationId, V16))
        {
            await cp.CallOkAsync("BootNotification", Boot16());
            await cp.CallOkAsync("StatusNotification", Available(1));
        }

        var closed = await EventuallyAsync(() => SessionAsync(stationId, txId), t => t.Cost is not null);
        closed.Status.ShouldBe(TransactionStatus.Completed);
        closed.StopReason.ShouldBe("PowerLoss");
        closed.StoppedAt!.Value.ShouldBe(t0.AddMinutes(10), TimeSpan.FromMilliseconds(1));
        closed.MeterStopWh.ShouldBe(7_000);
        closed.EnergyWh.ShouldBe(5_000);
        closed.Cost.ShouldBe(1.95m);
        var payment = await EventuallyAsync(() => PaymentAsync(hold.Id), p => p.Status == PaymentStatus.Captured);
        payment.CapturedAmount.ShouldBe(1.95m);
    }

    [Fact]
    public async Task Available_statuses_look_for_sessions_left_open_once_per_connector_after_each_boot()
    {
        const string stationId = "AMS-ZA-03";
        _ = factory.BaseUri;
        var abandoned = factory.Services.GetRequiredService<AbandonedSessions>();
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, stationId, V16);
        await cp.CallOkAsync("BootNotification", Boot16());
        var before = abandoned.Looks;

        // Some stations repeat their status every few seconds: after the first look, nothing new can be found until a reboot.
        for (var i = 0; i < 3; i++)
        {
            await cp.CallOkAsync("StatusNotification", Available(1));
            await cp.CallOkAsync("StatusNotification", Available(2));
        }

        (abandoned.Looks - before).ShouldBe(2, "one look per connector since the boot");

        await cp.CallOkAsync("BootNotification", Boot16());
        await cp.CallOkAsync("StatusNotification", Available(1));
        (abandoned.Looks - before).ShouldBe(3, "a boot makes the next Available look again");
    }

    [Fact]
    public async Task A_new_transaction_on_the_connector_closes_the_one_left_open()
    {
        const string stationId = "AMS-ZA-02";
        _ = factory.BaseUri;
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, stationId, V16);
        await cp.CallOkAsync("BootNotification", Boot16());
        var t0 = DateTimeOffset.UtcNow.AddHours(-3);
        var first = (await cp.CallOkAsync("StartTransaction", new JsonObject { ["connectorId"] = 1, ["idTag"] = "DEMO-DRIVER-CARD", ["meterStart"] = 0, ["timestamp"] = Iso(t0) }))["transactionId"]!.GetValue<int>();
        await cp.CallOkAsync("MeterValues", new JsonObject { ["connectorId"] = 1, ["transactionId"] = first, ["meterValue"] = new JsonArray(Meter16(t0.AddMinutes(30), 3_000)) });
        await EventuallyAsync(() => SessionAsync(stationId, first), t => t.EnergyWh == 3_000);

        var second = (await cp.CallOkAsync("StartTransaction", new JsonObject { ["connectorId"] = 1, ["idTag"] = "DEMO-DRIVER-CARD", ["meterStart"] = 3_500, ["timestamp"] = Iso(t0.AddHours(2)) }))["transactionId"]!.GetValue<int>();
        second.ShouldNotBe(first);

        var closed = await SessionAsync(stationId, first);
        closed.Status.ShouldBe(TransactionStatus.Completed);
        closed.StopReason.ShouldBe("PowerLoss");
        closed.EnergyWh.ShouldBe(3_000);
        closed.StoppedAt!.Value.ShouldBe(t0.AddMinutes(30), TimeSpan.FromMilliseconds(1));
        (await SessionAsync(stationId, second)).Status.ShouldBe(TransactionStatus.Active);
        (await EventuallyAsync(() => SessionAsync(stationId, first), t => t.Cost is not null)).Cost.ShouldBe(1.17m);
    }

    [Fact]
    public async Task Transaction_ids_are_per_station_and_wrap_before_int_overflow()
    {
        const string stationId = "V16-TXID-WRAP";
        _ = factory.BaseUri;
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, stationId, V16);
        await cp.CallOkAsync("BootNotification", Boot16());
        await using (var db = await DbAsync())
        {
            await db.Stations.Where(s => s.Id == stationId).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastOcppTransactionId, int.MaxValue - 2), Ct);
        }

        var ids = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            var start = new JsonObject { ["connectorId"] = 1, ["idTag"] = "DEMO-DRIVER-CARD", ["meterStart"] = i * 100, ["timestamp"] = Iso(DateTimeOffset.UtcNow.AddMinutes(i)) };
            ids.Add((await cp.CallOkAsync("StartTransaction", start))["transactionId"]!.GetValue<int>());
        }

        ids.ShouldBe([int.MaxValue - 1, 1, 2]);
        (await SessionAsync(stationId, 1)).OcppTransactionId.ShouldBe("1");
    }

    private static JsonObject Available(int connectorId) => new() { ["connectorId"] = connectorId, ["errorCode"] = "NoError", ["status"] = "Available" };

    private async Task<AppDbContext> DbAsync() => await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);

    private async Task<ChargingTransaction> SessionAsync(string stationId, int txId)
    {
        var id = txId.ToString(CultureInfo.InvariantCulture);
        await using var db = await DbAsync();
        return await db.Transactions.AsNoTracking().SingleAsync(t => t.StationId == stationId && t.OcppTransactionId == id, Ct);
    }

    private async Task<Payment> PaymentAsync(int paymentId)
    {
        await using var db = await DbAsync();
        return await db.Payments.AsNoTracking().SingleAsync(p => p.Id == paymentId, Ct);
    }
}
