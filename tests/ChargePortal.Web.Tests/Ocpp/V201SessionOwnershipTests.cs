using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChargePortal.Web.Accounts;
using ChargePortal.Web.Data;
using ChargePortal.Web.Drivers.Charging;
using ChargePortal.Web.Payments;
using ChargePortal.Web.Tests.Infrastructure;
using ChargePortal.Web.Transactions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChargePortal.Web.Tests.Ocpp.OcppTestData;

namespace ChargePortal.Web.Tests.Ocpp;

/// <summary>
/// 2.0.1 sessions belong to the token that authorised them, wherever the token arrives: in a later event (plug in
/// first, tap later, E02), only as the remoteStartId of the CSMS's RequestStartTransaction (F01/F02), or in an event
/// that arrives after the session ended. The driver's card hold follows the token and is captured. Demo stations sit
/// on sites with the demo tariff (€0.39/kWh, time fee only after 2 h).
/// </summary>
public sealed class V201SessionOwnershipTests(KestrelChargePortalFactory factory) : IClassFixture<KestrelChargePortalFactory>
{
    private const string DriverCard = "DEMO-DRIVER-CARD";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Plug_in_first_tap_later_the_session_is_the_drivers_and_the_hold_is_captured()
    {
        const string stationId = "AMS-CS-03";
        await using var cp = await BootAsync(stationId);
        var (hold, driverId) = await DriverHolds.AcceptedAsync(factory.Services, stationId, DriverCard, Ct);
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-30);

        // Started by the cable, no token: nothing to answer about a token.
        var started = await cp.CallOkAsync("TransactionEvent", Event("tx-late-tap", "Started", 0, t0, "CablePluggedIn", 1_000, "Transaction.Begin"));
        started.ContainsKey("idTokenInfo").ShouldBeFalse();
        (await SessionAsync(stationId, "tx-late-tap")).IdTag.ShouldBeNull();

        var tapped = await cp.CallOkAsync("TransactionEvent", Event("tx-late-tap", "Updated", 1, t0.AddMinutes(1), "Authorized", token: DriverCard));
        tapped["idTokenInfo"]!["status"]!.GetValue<string>().ShouldBe("Accepted");
        var owned = await SessionAsync(stationId, "tx-late-tap");
        owned.IdTag.ShouldBe(DriverCard);
        owned.UserId.ShouldBe(driverId);
        owned.IdTokenType.ShouldBe("ISO14443");
        (await PaymentAsync(hold.Id)).TransactionId.ShouldBe(owned.Id, "the driver's hold is linked when the token arrives");

        var ended = await cp.CallOkAsync("TransactionEvent", Event("tx-late-tap", "Ended", 2, t0.AddMinutes(20), "EVCommunicationLost", 11_000, "Transaction.End", stoppedReason: "EVDisconnected"));
        ended["totalCost"]!.GetValue<decimal>().ShouldBe(3.90m, "10 kWh × €0.39, told to the station with the Ended answer (I03.FR.02)");

        var payment = await EventuallyAsync(() => PaymentAsync(hold.Id), p => p.Status == PaymentStatus.Captured);
        payment.Status.ShouldBe(PaymentStatus.Captured);
        payment.CapturedAmount.ShouldBe(3.90m);
        var api = (await TransactionsAsync(factory, stationId)).Single(t => t.GetProperty("transactionId").GetString() == "tx-late-tap");
        api.GetProperty("idTag").GetString().ShouldBe(DriverCard);
        api.GetProperty("cost").GetDecimal().ShouldBe(3.90m);
    }

    [Fact]
    public async Task A_remote_start_links_the_session_by_remoteStartId_when_the_station_sends_no_token()
    {
        const string stationId = "AMS-CS-04";
        await using var cp = await BootAsync(stationId);
        var driverId = await DriverIdAsync();
        var starter = factory.Services.GetRequiredService<ChargingSessionStarter>();

        var starting = starter.StartAsync(driverId, stationId, 1, Ct);
        var request = await cp.ExpectCallAsync("RequestStartTransaction");
        var remoteStartId = request[3]!["remoteStartId"]!.GetValue<int>();
        var appToken = request[3]!["idToken"]!["idToken"]!.GetValue<string>();
        await cp.RespondAsync(request, new JsonObject { ["status"] = "Accepted" });
        var result = await starting;
        result.Outcome.ShouldBe(StartChargingOutcome.Requested, result.Message);

        // The station's Started names the request only by its remoteStartId (F02.FR.21), without the idToken.
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-20);
        var startedEvent = Event("tx-remote", "Started", 0, t0, "RemoteStart", 2_000, "Transaction.Begin");
        startedEvent["transactionInfo"]!["remoteStartId"] = remoteStartId;
        await cp.CallOkAsync("TransactionEvent", startedEvent);

        var session = await SessionAsync(stationId, "tx-remote");
        session.IdTag.ShouldBe(appToken);
        session.UserId.ShouldBe(driverId);
        session.RemoteStartId.ShouldBe(remoteStartId);
        (await starter.WaitForSessionAsync(stationId, appToken, t0, TimeSpan.FromSeconds(5), Ct)).ShouldBe(session.Id, "the app finds the session it started");
        (await EventuallyAsync(() => PaymentAsync(result.PaymentId!.Value), p => p.TransactionId is not null)).TransactionId.ShouldBe(session.Id);

        var ended = await cp.CallOkAsync("TransactionEvent", Event("tx-remote", "Ended", 1, t0.AddMinutes(15), "EVCommunicationLost", 7_000, "Transaction.End", stoppedReason: "EVDisconnected"));
        ended["totalCost"]!.GetValue<decimal>().ShouldBe(1.95m);
        var payment = await EventuallyAsync(() => PaymentAsync(result.PaymentId!.Value), p => p.Status == PaymentStatus.Captured);
        payment.CapturedAmount.ShouldBe(1.95m);
    }

    [Fact]
    public async Task A_remote_start_through_the_api_gives_the_session_its_idTag()
    {
        const string stationId = "V201-REMOTE-API";
        await using var cp = await BootAsync(stationId);
        var apiCall = factory.CreateApi().PostAsJsonAsync($"/api/stations/{stationId}/commands/remote-start", new { idTag = DriverCard, connectorId = 1 }, Ct);
        var request = await cp.ExpectCallAsync("RequestStartTransaction");
        await cp.RespondAsync(request, new JsonObject { ["status"] = "Accepted" });
        (await apiCall).EnsureSuccessStatusCode();

        // The cable goes in after the remote start (TxStartPoint EVConnected): the next event carries the id only.
        var started = Event("tx-remote-api", "Started", 0, DateTimeOffset.UtcNow, "RemoteStart");
        started["transactionInfo"]!["remoteStartId"] = request[3]!["remoteStartId"]!.GetValue<int>();
        await cp.CallOkAsync("TransactionEvent", started);
        var api = (await TransactionsAsync(factory, stationId)).Single();
        api.GetProperty("idTag").GetString().ShouldBe(DriverCard);

        // An id the CSMS never sent belongs to nobody.
        var stranger = Event("tx-remote-unknown", "Started", 0, DateTimeOffset.UtcNow, "RemoteStart", evseId: 2);
        stranger["transactionInfo"]!["remoteStartId"] = 424242;
        await cp.CallOkAsync("TransactionEvent", stranger);
        (await SessionAsync(stationId, "tx-remote-unknown")).IdTag.ShouldBeNull();
    }

    [Fact]
    public async Task A_late_Updated_after_Ended_brings_its_token_and_samples_without_reopening_the_session()
    {
        const string stationId = "AMS-WP-01";
        await using var cp = await BootAsync(stationId);
        var (hold, driverId) = await DriverHolds.AcceptedAsync(factory.Services, stationId, DriverCard, Ct);
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-40);

        // The CSMS asks whether more is queued (E14); the station's queue holds seqNo 1 until the CSMS has it.
        using var answering = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        _ = AnswerStatusCallsAsync(cp, async () =>
        {
            await using var db = await DbAsync();
            return !await db.TransactionEvents.AnyAsync(e => e.SeqNo == 1 && db.Transactions.Any(t => t.Id == e.TransactionId && t.OcppTransactionId == "tx-out-of-order"), Ct);
        }, answering.Token);

        // Back online after an outage, the station's queue arrives out of order: seqNo 0, 2, then 1.
        await cp.CallOkAsync("TransactionEvent", Event("tx-out-of-order", "Started", 0, t0, "CablePluggedIn", 1_000, "Transaction.Begin", offline: true));
        var ended = await cp.CallOkAsync("TransactionEvent", Event("tx-out-of-order", "Ended", 2, t0.AddMinutes(30), "EVCommunicationLost", 6_000, "Transaction.End", stoppedReason: "EVDisconnected", offline: true));
        ended["totalCost"]!.GetValue<decimal>().ShouldBe(1.95m);
        var late = Event("tx-out-of-order", "Updated", 1, t0.AddMinutes(10), "Authorized", 3_000, "Sample.Periodic", token: DriverCard, offline: true);
        var answer = await cp.CallOkAsync("TransactionEvent", late);
        answer["idTokenInfo"]!["status"]!.GetValue<string>().ShouldBe("Accepted");
        answer.ContainsKey("totalCost").ShouldBeFalse();

        var session = await SessionAsync(stationId, "tx-out-of-order");
        session.Status.ShouldBe(TransactionStatus.Completed, "a late event never reopens the session");
        session.StoppedAt!.Value.ShouldBe(t0.AddMinutes(30), TimeSpan.FromMilliseconds(1));
        session.EnergyWh.ShouldBe(5_000);
        session.IdTag.ShouldBe(DriverCard);
        session.UserId.ShouldBe(driverId);
        session.LastSeqNo.ShouldBe(2);

        // Its sample is stored with the session; the same seqNo again (a replay) adds nothing.
        await cp.CallOkAsync("TransactionEvent", late);
        var samples = await EventuallyAsync(() => SampleValuesAsync(session.Id), v => v.Contains(3_000m));
        samples.Order().ShouldBe([1_000m, 3_000m, 6_000m]);
        await using (var db = await DbAsync())
        {
            (await db.TransactionEvents.Where(e => e.TransactionId == session.Id).Select(e => e.SeqNo).ToListAsync(Ct)).Order().ShouldBe([0, 1, 2]);
        }

        // Pricing waited for seqNo 1 (E §1.3.2); with the queue empty the session is priced and the late token's hold captured.
        var payment = await EventuallyAsync(() => PaymentAsync(hold.Id), p => p.Status == PaymentStatus.Captured);
        payment.TransactionId.ShouldBe(session.Id);
        payment.CapturedAmount.ShouldBe(1.95m);
        var pricedSession = await SessionAsync(stationId, "tx-out-of-order");
        pricedSession.PricingNote.ShouldBeNull($"priced from the complete sequence: {pricedSession.PricingNote}");
        await answering.CancelAsync();
    }

    /// <summary>
    /// The late token's two paths race: pricing (once the sequence is complete) and the late-token link both want the
    /// session's hold. Here pricing's hold step runs first, with the token already stored and the driver's app hold
    /// still waiting: it must take that hold, not place a second one on the card and leave the app hold to be released.
    /// </summary>
    [Fact]
    public async Task A_hold_step_that_sees_a_late_token_first_takes_the_drivers_app_hold()
    {
        const string stationId = "V201-LATE-HOLD";
        await using var cp = await BootAsync(stationId);
        var (hold, _) = await DriverHolds.AcceptedAsync(factory.Services, stationId, DriverCard, Ct);
        await cp.CallOkAsync("TransactionEvent", Event("tx-late-hold", "Started", 0, DateTimeOffset.UtcNow.AddMinutes(-10), "CablePluggedIn", 1_000, "Transaction.Begin"));
        var session = await SessionAsync(stationId, "tx-late-hold");
        await using (var db = await DbAsync())
        {
            // The late event's token is committed; the handler that links the hold has not run yet.
            await db.Transactions.Where(t => t.Id == session.Id).ExecuteUpdateAsync(u => u.SetProperty(t => t.IdTag, DriverCard), Ct);
        }

        (await factory.Services.GetRequiredService<RfidCardBilling>().HoldForSessionAsync(session.Id, Ct)).ShouldBeTrue();

        await using (var db = await DbAsync())
        {
            (await db.Payments.Where(p => p.TransactionId == session.Id).Select(p => p.Id).ToListAsync(Ct)).ShouldBe([hold.Id], "the driver's app hold, never a second hold on their card");
        }
    }

    /// <summary>Answers the CSMS's GetTransactionStatus (messages queued while <paramref name="queued"/>) and CostUpdated calls.</summary>
    private static async Task AnswerStatusCallsAsync(RawOcppClient cp, Func<Task<bool>> queued, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            JsonArray call;
            try
            {
                call = await cp.NextCallAsync();
            }
            catch (OperationCanceledException)
            {
                continue;
            }

            await cp.RespondAsync(call, (string?)call[2] == "GetTransactionStatus" ? new JsonObject { ["messagesInQueue"] = await queued() } : new JsonObject());
        }
    }

    [Fact]
    public async Task A_Started_that_arrives_after_an_Updated_sets_the_start_and_its_reading()
    {
        const string stationId = "V201-LATE-START";
        await using var cp = await BootAsync(stationId);
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-30);
        await cp.CallOkAsync("TransactionEvent", Event("tx-late-start", "Updated", 1, t0.AddMinutes(10), "MeterValuePeriodic", 4_000, "Sample.Periodic", token: DriverCard));
        await cp.CallOkAsync("TransactionEvent", Event("tx-late-start", "Started", 0, t0, "Authorized", 1_000, "Transaction.Begin", token: DriverCard));
        await cp.CallOkAsync("TransactionEvent", Event("tx-late-start", "Ended", 2, t0.AddMinutes(20), "StopAuthorized", 5_000, "Transaction.End"));
        var session = await SessionAsync(stationId, "tx-late-start");
        session.StartedAt.ShouldBe(t0, TimeSpan.FromMilliseconds(1));
        session.MeterStartWh.ShouldBe(1_000);
        session.EnergyWh.ShouldBe(4_000);
        session.IdTag.ShouldBe(DriverCard);
    }

    [Fact]
    public async Task ChargingState_is_kept_from_the_newest_event()
    {
        const string stationId = "V201-CHARGING-STATE";
        await using var cp = await BootAsync(stationId);
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-5);
        var started = Event("tx-state", "Started", 0, t0, "Authorized", token: DriverCard);
        started["transactionInfo"]!["chargingState"] = "EVConnected";
        await cp.CallOkAsync("TransactionEvent", started);
        var suspended = Event("tx-state", "Updated", 2, t0.AddMinutes(2), "ChargingStateChanged");
        suspended["transactionInfo"]!["chargingState"] = "SuspendedEV";
        await cp.CallOkAsync("TransactionEvent", suspended);
        var lateCharging = Event("tx-state", "Updated", 1, t0.AddMinutes(1), "ChargingStateChanged");
        lateCharging["transactionInfo"]!["chargingState"] = "Charging";
        await cp.CallOkAsync("TransactionEvent", lateCharging);
        (await SessionAsync(stationId, "tx-state")).ChargingState.ShouldBe("SuspendedEV", "an older state arriving late does not replace the newer one");

        // Drivers and operators see it on the connector (2.0.1 StatusNotification only says Occupied) and the session.
        var station = await factory.CreateApi().GetFromJsonAsync<JsonObject>($"/api/stations/{stationId}", Ct);
        station!["station"]!["connectors"]!.AsArray().Single(c => c!["evseId"]!.GetValue<int>() == 1)!["status"]!.GetValue<string>().ShouldBe("SuspendedEv");
        (await TransactionsAsync(factory, stationId)).Single().GetProperty("chargingState").GetString().ShouldBe("SuspendedEV");
    }

    private async Task<RawOcppClient> BootAsync(string stationId)
    {
        _ = factory.BaseUri;
        var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, stationId, V201);
        (await cp.CallOkAsync("BootNotification", Boot201()))["status"]!.GetValue<string>().ShouldBe("Accepted");
        return cp;
    }

    /// <summary>A 2.0.1 TransactionEvent on EVSE 1; the token, the sample and the stop reason only when given.</summary>
    internal static JsonObject Event(string transactionId, string type, int seq, DateTimeOffset at, string trigger, long? wh = null, string? context = null,
        string? token = null, string tokenType = "ISO14443", string? stoppedReason = null, bool offline = false, int evseId = 1)
    {
        var info = new JsonObject { ["transactionId"] = transactionId };
        if (stoppedReason is not null)
        {
            info["stoppedReason"] = stoppedReason;
        }

        var request = new JsonObject
        {
            ["eventType"] = type,
            ["timestamp"] = Iso(at),
            ["triggerReason"] = trigger,
            ["seqNo"] = seq,
            ["transactionInfo"] = info,
            ["evse"] = new JsonObject { ["id"] = evseId, ["connectorId"] = 1 },
        };
        if (offline)
        {
            request["offline"] = true;
        }

        if (token is not null)
        {
            request["idToken"] = new JsonObject { ["idToken"] = token, ["type"] = tokenType };
        }

        if (wh is { } reading)
        {
            request["meterValue"] = new JsonArray(Meter201(at, reading, context!));
        }

        return request;
    }

    private async Task<AppDbContext> DbAsync() => await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);

    private async Task<string> DriverIdAsync()
    {
        using var scope = factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("driver@chargeportal.local"))!.Id;
    }

    private async Task<ChargingTransaction> SessionAsync(string stationId, string transactionId)
    {
        await using var db = await DbAsync();
        return await db.Transactions.AsNoTracking().SingleAsync(t => t.StationId == stationId && t.OcppTransactionId == transactionId, Ct);
    }

    private async Task<Payment> PaymentAsync(int paymentId)
    {
        await using var db = await DbAsync();
        return await db.Payments.AsNoTracking().SingleAsync(p => p.Id == paymentId, Ct);
    }

    private async Task<List<decimal>> SampleValuesAsync(long sessionId)
    {
        await using var db = await DbAsync();
        return await db.MeterValues.AsNoTracking().Where(m => m.TransactionId == sessionId).Select(m => m.Value).ToListAsync(Ct);
    }
}
