using System.Text.Json;
using System.Text.Json.Nodes;
using ChargePortal.Web.Tests.Infrastructure;
using ChargePortal.Web.Transactions;
using Microsoft.Extensions.DependencyInjection;
using static ChargePortal.Web.Tests.Ocpp.OcppTestData;

namespace ChargePortal.Web.Tests.Ocpp;

/// <summary>
/// A 2.0.1 station that lost a session (its Ended event never came) starts a new one on the same EVSE: the CSMS asks the
/// station about the older one (GetTransactionStatus by its transactionId, E14) and closes it only when the station
/// says it is not ongoing and nothing about it is queued.
/// </summary>
public sealed class V201LostSessionTests(KestrelChargePortalFactory factory) : IClassFixture<KestrelChargePortalFactory>
{
    [Theory]
    [InlineData("LOST-A", false, false, "Completed")]
    [InlineData("LOST-B", false, true, "Active")]
    [InlineData("LOST-C", true, false, "Active")]
    public async Task A_new_session_on_the_evse_asks_about_the_open_older_one_and_closes_it_only_when_the_station_no_longer_has_it(
        string stationId, bool ongoing, bool queued, string olderStatus)
    {
        var ct = TestContext.Current.CancellationToken;
        var start = DateTimeOffset.UtcNow.AddMinutes(-30);
        await using var cp = await BootedWithOldSessionAsync(stationId, start);
        await cp.CallOkAsync("TransactionEvent", TransactionEvent201($"{stationId}-old", "Local", "Updated", 1, start.AddMinutes(10), 4_000, "Sample.Periodic", "MeterValuePeriodic"));
        var meterValues = factory.Services.GetRequiredService<MeterValueSink>();
        await EventuallyAsync(() => Task.FromResult(meterValues.Pending), pending => pending == 0);

        // The station lost power; its Ended for the old session never comes. A new session starts on the same EVSE.
        await cp.CallOkAsync("TransactionEvent", TransactionEvent201($"{stationId}-new", "Local", "Started", 0, start.AddMinutes(20), 4_000, "Transaction.Begin", "Authorized"));

        var ask = await cp.NextCallAsync().WaitAsync(TimeSpan.FromSeconds(30), ct);
        ((string?)ask[2]).ShouldBe("GetTransactionStatus");
        ((string?)ask[3]!["transactionId"]).ShouldBe($"{stationId}-old");
        await cp.RespondAsync(ask, new JsonObject { ["ongoingIndicator"] = ongoing, ["messagesInQueue"] = queued });

        var sessions = await EventuallyAsync(() => TransactionsAsync(factory, stationId),
            all => all.Length == 2 && Status(all, $"{stationId}-old") == olderStatus && (olderStatus == "Active" || StopReason(all, $"{stationId}-old") is not null));
        Status(sessions, $"{stationId}-old").ShouldBe(olderStatus);
        Status(sessions, $"{stationId}-new").ShouldBe("Active");
        if (olderStatus == "Completed")
        {
            // Closed at its last meter value, with the energy that value shows.
            var old = Session(sessions, $"{stationId}-old");
            old.GetProperty("stopReason").GetString().ShouldBe("Other");
            old.GetProperty("energyWh").GetDecimal().ShouldBe(3_000m);
        }
    }

    [Fact]
    public async Task A_new_session_that_names_its_evse_only_later_asks_about_the_open_older_one_then()
    {
        const string stationId = "LOST-D";
        var ct = TestContext.Current.CancellationToken;
        var start = DateTimeOffset.UtcNow.AddMinutes(-30);
        await using var cp = await BootedWithOldSessionAsync(stationId, start);

        // The new session starts before the cable is plugged in (no EVSE yet, E01.FR.16): nothing to compare with.
        var started = TransactionEvent201($"{stationId}-new", "Local", "Started", 0, start.AddMinutes(20), 2_000, "Transaction.Begin", "Authorized");
        started.Remove("evse");
        await cp.CallOkAsync("TransactionEvent", started);
        (await cp.NoCallWithinAsync(TimeSpan.FromSeconds(2))).ShouldBeTrue("a session on no EVSE yet supersedes nothing");

        // Plugged in on EVSE 1, where the old session is still open: now the station is asked about it.
        await cp.CallOkAsync("TransactionEvent", TransactionEvent201($"{stationId}-new", "Local", "Updated", 1, start.AddMinutes(21), 2_000, "Sample.Periodic", "CablePluggedIn"));
        var ask = await cp.NextCallAsync().WaitAsync(TimeSpan.FromSeconds(30), ct);
        ((string?)ask[2]).ShouldBe("GetTransactionStatus");
        ((string?)ask[3]!["transactionId"]).ShouldBe($"{stationId}-old");
        await cp.RespondAsync(ask, new JsonObject { ["ongoingIndicator"] = false, ["messagesInQueue"] = false });

        var sessions = await EventuallyAsync(() => TransactionsAsync(factory, stationId), all => Status(all, $"{stationId}-old") == "Completed");
        Status(sessions, $"{stationId}-new").ShouldBe("Active");
    }

    /// <summary>A booted 2.0.1 station whose session "{stationId}-old", started at <paramref name="start"/> on EVSE 1, is still open.</summary>
    private async Task<RawOcppClient> BootedWithOldSessionAsync(string stationId, DateTimeOffset start)
    {
        _ = factory.BaseUri;
        var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, stationId, V201);
        await cp.CallOkAsync("BootNotification", Boot201());
        await cp.CallOkAsync("TransactionEvent", TransactionEvent201($"{stationId}-old", "Local", "Started", 0, start, 1_000, "Transaction.Begin", "Authorized"));
        return cp;
    }

    private static JsonElement Session(JsonElement[] sessions, string transactionId) =>
        sessions.Single(s => s.GetProperty("transactionId").GetString() == transactionId);

    private static string? Status(JsonElement[] sessions, string transactionId) =>
        sessions.FirstOrDefault(s => s.GetProperty("transactionId").GetString() == transactionId) is { ValueKind: JsonValueKind.Object } s ? s.GetProperty("status").GetString() : null;

    private static string? StopReason(JsonElement[] sessions, string transactionId) =>
        Session(sessions, transactionId).TryGetProperty("stopReason", out var reason) && reason.ValueKind == JsonValueKind.String ? reason.GetString() : null;
}
