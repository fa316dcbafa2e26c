using System.Text.Json.Nodes;
using ChargePortal.Web.Data;
using ChargePortal.Web.Tariffs;
using ChargePortal.Web.Tests.Infrastructure;
using ChargePortal.Web.Transactions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChargePortal.Web.Tests.Ocpp.OcppTestData;
using static ChargePortal.Web.Tests.Ocpp.V201SessionOwnershipTests;

namespace ChargePortal.Web.Tests.Tariffs;

/// <summary>
/// E §1.3.2: a session is priced from a complete seqNo sequence. With a gap the CSMS asks the station
/// GetTransactionStatus (E14) and waits while messages are queued; queued (offline) events have it ask again, and it
/// prices once the station's queue is empty; a station with nothing queued, or a wait past Pricing:SequenceWait, has
/// the session priced with what arrived and the gap recorded. Fleet card (no driver, so no card hold), Zuidas stations
/// (no site power limit), the demo tariff €0.39/kWh; real OCPP over Kestrel and SQLite.
/// </summary>
public sealed class TransactionSequencePricingTests(KestrelChargePortalFactory factory) : IClassFixture<KestrelChargePortalFactory>
{
    private const string FleetCard = "DEMO-FLEET-001";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_gap_holds_pricing_while_the_station_has_messages_queued_and_the_late_event_completes_it()
    {
        const string stationId = "AMS-ZA-01";
        await using var cp = await BootAsync(stationId);
        var t0 = DateTimeOffset.UtcNow.AddSeconds(-50); // recent: the background sweep leaves it to the event path

        await cp.CallOkAsync("TransactionEvent", Event("tx-gap", "Started", 0, t0, "Authorized", 1_000, "Transaction.Begin", token: FleetCard));
        await cp.CallOkAsync("TransactionEvent", Event("tx-gap", "Updated", 2, t0.AddSeconds(20), "MeterValuePeriodic", 6_000, "Sample.Periodic"));
        var ended = await cp.CallOkAsync("TransactionEvent", Event("tx-gap", "Ended", 3, t0.AddSeconds(40), "EVCommunicationLost", 11_000, "Transaction.End",
            stoppedReason: "EVDisconnected"));
        ended["totalCost"]!.GetValue<decimal>().ShouldBe(3.90m, "the station is told the cost from the data in hand (I03.FR.02)");

        // seqNo 1 is missing: the CSMS asks about this transaction before billing it, and the station still has messages queued.
        var asked = await NextCallAsync(cp, "GetTransactionStatus");
        asked[3]!["transactionId"]!.GetValue<string>().ShouldBe("tx-gap");
        await cp.RespondAsync(asked, new JsonObject { ["ongoingIndicator"] = false, ["messagesInQueue"] = true });
        await Task.Delay(500, Ct);
        (await SessionAsync(stationId, "tx-gap")).Cost.ShouldBeNull("not priced while events are missing and queued");

        // The queued event arrives (offline): the CSMS asks whether anything else is queued, and prices once nothing is.
        var late = Event("tx-gap", "Updated", 1, t0.AddSeconds(10), "MeterValuePeriodic", 3_000, "Sample.Periodic", offline: true);
        await cp.CallOkAsync("TransactionEvent", late);
        var queue = await NextCallAsync(cp, "GetTransactionStatus");
        queue[3]!.AsObject().ContainsKey("transactionId").ShouldBeFalse("asked about the station's whole queue");
        await cp.RespondAsync(queue, new JsonObject { ["messagesInQueue"] = false });

        var priced = await EventuallyAsync(() => SessionAsync(stationId, "tx-gap"), s => s.Cost is not null);
        priced.Cost.ShouldBe(3.90m);
        priced.PricingNote.ShouldBeNull("the sequence was complete when it was priced");
    }

    [Fact]
    public async Task A_station_with_nothing_queued_has_the_session_priced_with_the_gap_recorded()
    {
        const string stationId = "AMS-ZA-02";
        await using var cp = await BootAsync(stationId);
        var t0 = DateTimeOffset.UtcNow.AddSeconds(-40);

        await cp.CallOkAsync("TransactionEvent", Event("tx-lost", "Started", 0, t0, "Authorized", 2_000, "Transaction.Begin", token: FleetCard));
        await cp.CallOkAsync("TransactionEvent", Event("tx-lost", "Ended", 2, t0.AddSeconds(30), "StopAuthorized", 7_000, "Transaction.End", stoppedReason: "Local"));

        var asked = await NextCallAsync(cp, "GetTransactionStatus");
        asked[3]!["transactionId"]!.GetValue<string>().ShouldBe("tx-lost");
        await cp.RespondAsync(asked, new JsonObject { ["ongoingIndicator"] = false, ["messagesInQueue"] = false });

        var priced = await EventuallyAsync(() => SessionAsync(stationId, "tx-lost"), s => s.Cost is not null);
        priced.Cost.ShouldBe(1.95m, "5 kWh from the Ended reading");
        priced.PricingNote.ShouldBe("Priced with an incomplete event sequence (seqNo 1 missing): the station reported no queued messages for it.");
        var api = (await TransactionsAsync(factory, stationId)).Single(t => t.GetProperty("transactionId").GetString() == "tx-lost");
        api.GetProperty("pricingNote").GetString().ShouldBe(priced.PricingNote);
    }

    [Fact]
    public async Task A_queued_Ended_event_with_a_gap_is_asked_about_by_its_own_transaction_id()
    {
        // TC_E_31 (E14.FR.03/.04): back online, the station delivers the transaction's Ended event first, two seqNo values
        // skipped; the CSMS asks GetTransactionStatus for that transactionId, and asks nothing station-wide meanwhile.
        const string stationId = "AMS-WP-02";
        await using var cp = await BootAsync(stationId);
        var t0 = DateTimeOffset.UtcNow.AddSeconds(-60);

        await cp.CallOkAsync("TransactionEvent", Event("tx-queued-end", "Started", 0, t0, "Authorized", 1_000, "Transaction.Begin", token: FleetCard));
        await cp.CallOkAsync("TransactionEvent", Event("tx-queued-end", "Ended", 3, t0.AddSeconds(40), "EVCommunicationLost", 4_000, "Transaction.End",
            stoppedReason: "EVDisconnected", offline: true));

        var asked = await NextCallAsync(cp, "GetTransactionStatus");
        ((string?)asked[3]!["transactionId"]).ShouldBe("tx-queued-end", $"asked about the transaction with the gap: {asked.ToJsonString()}");
        await cp.RespondAsync(asked, new JsonObject { ["ongoingIndicator"] = false, ["messagesInQueue"] = true });

        var next = cp.NextCallAsync();
        if (await Task.WhenAny(next, Task.Delay(TimeSpan.FromSeconds(2), Ct)) == next)
        {
            var call = await next;
            (call[2] is JsonValue action && (string?)action == "GetTransactionStatus" && call[3]!["transactionId"] is null)
                .ShouldBeFalse($"no station-wide question for a queued Ended event: {call.ToJsonString()}");
        }

        (await SessionAsync(stationId, "tx-queued-end")).Cost.ShouldBeNull("seqNo 1 and 2 are still queued at the station");
    }

    [Fact]
    public async Task The_wait_is_bounded_past_it_the_session_is_priced_incomplete_and_says_so()
    {
        const string stationId = "AMS-ZA-03";
        await using var cp = await BootAsync(stationId);
        var t0 = DateTimeOffset.UtcNow.AddSeconds(-40);

        // No Started event at all (lost), then the Ended one: the session exists from the first event that arrived.
        await cp.CallOkAsync("TransactionEvent", Event("tx-no-start", "Updated", 1, t0, "Authorized", 1_000, "Transaction.Begin", token: FleetCard));
        await cp.CallOkAsync("TransactionEvent", Event("tx-no-start", "Ended", 2, t0.AddSeconds(30), "EVCommunicationLost", 3_000, "Transaction.End", stoppedReason: "EVDisconnected"));
        await cp.RespondAsync(await NextCallAsync(cp, "GetTransactionStatus"), new JsonObject { ["ongoingIndicator"] = false, ["messagesInQueue"] = true });
        var session = await SessionAsync(stationId, "tx-no-start");
        var pricing = factory.Services.GetRequiredService<SessionPricingService>();
        var again = pricing.PriceAsync(session.Id, Ct);
        await cp.RespondAsync(await NextCallAsync(cp, "GetTransactionStatus"), new JsonObject { ["ongoingIndicator"] = false, ["messagesInQueue"] = true });
        (await again).ShouldBeFalse("still inside the wait, with messages queued");

        // The Ended event arrived longer ago than Pricing:SequenceWait (10 minutes by default).
        await using (var db = await DbAsync())
        {
            await db.TransactionEvents.Where(e => e.TransactionId == session.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(e => e.ReceivedAt, DateTimeOffset.UtcNow.AddMinutes(-11)), Ct);
        }

        // Past the wait the station is not asked again: the next pass prices what arrived.
        (await pricing.PriceAsync(session.Id, Ct)).ShouldBeTrue();
        var priced = await SessionAsync(stationId, "tx-no-start");
        priced.Cost.ShouldBe(0.78m, "2 kWh");
        priced.PricingNote.ShouldBe("Priced with an incomplete event sequence (no Started event) after waiting 0:10:00 for it.");
    }

    [Fact]
    public async Task A_16_session_and_a_complete_201_session_have_nothing_missing()
    {
        await using var db = await DbAsync();
        var complete = new ChargingTransaction { StationId = "AMS-WP-01", OcppTransactionId = "seq-complete", StartedAt = DateTimeOffset.UtcNow };
        var v16 = new ChargingTransaction { StationId = "AMS-WP-01", OcppTransactionId = "1616", StartedAt = DateTimeOffset.UtcNow };
        db.Transactions.AddRange(complete, v16);
        await db.SaveChangesAsync(Ct);
        foreach (var (seq, type) in new[] { (5, "Started"), (6, "Updated"), (7, "Ended") })
        {
            db.TransactionEvents.Add(new TransactionEventRecord { TransactionId = complete.Id, SeqNo = seq, EventType = type, TriggerReason = "Authorized" });
        }

        await db.SaveChangesAsync(Ct);

        (await SequenceState.OfAsync(db, complete.Id, Ct)).ShouldSatisfyAllConditions(s => s.Complete.ShouldBeTrue(), s => s.Gap.ShouldBeNull());
        (await SequenceState.OfAsync(db, v16.Id, Ct)).Complete.ShouldBeTrue("1.6 has no sequence numbers");
        await db.TransactionEvents.Where(e => e.TransactionId == complete.Id && e.SeqNo == 6).ExecuteDeleteAsync(Ct);
        await db.TransactionEvents.Where(e => e.TransactionId == complete.Id && e.SeqNo == 7).ExecuteDeleteAsync(Ct);
        (await SequenceState.OfAsync(db, complete.Id, Ct)).Gap.ShouldBe("no Ended event", "nothing after the Started event is known to be missing yet");
    }

    /// <summary>The next CSMS call of <paramref name="action"/>; running-cost updates the CSMS sends meanwhile are answered.</summary>
    private static async Task<JsonArray> NextCallAsync(RawOcppClient cp, string action)
    {
        while (true)
        {
            var call = await cp.NextCallAsync();
            if ((string?)call[2] == action)
            {
                return call;
            }

            ((string?)call[2]).ShouldBe("CostUpdated", $"no other call is expected: {call.ToJsonString()}");
            await cp.RespondAsync(call, new JsonObject());
        }
    }

    private async Task<RawOcppClient> BootAsync(string stationId)
    {
        _ = factory.BaseUri;
        var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, stationId, V201);
        (await cp.CallOkAsync("BootNotification", Boot201()))["status"]!.GetValue<string>().ShouldBe("Accepted");
        return cp;
    }

    private async Task<AppDbContext> DbAsync() => await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);

    private async Task<ChargingTransaction> SessionAsync(string stationId, string transactionId)
    {
        await using var db = await DbAsync();
        return await db.Transactions.AsNoTracking().SingleAsync(t => t.StationId == stationId && t.OcppTransactionId == transactionId, Ct);
    }
}
