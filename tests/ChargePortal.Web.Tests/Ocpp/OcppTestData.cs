using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChargePortal.Web.Tests.Infrastructure;

namespace ChargePortal.Web.Tests.Ocpp;

internal static class OcppTestData
{
    public static readonly string[] V16 = ["ocpp1.6"];
    public static readonly string[] V201 = ["ocpp2.0.1"];

    public static JsonObject Boot16() => new() { ["chargePointVendor"] = "TestVendor", ["chargePointModel"] = "T-1", ["firmwareVersion"] = "1.0.0" };

    public static JsonObject Boot201() => new()
    {
        ["reason"] = "PowerUp",
        ["chargingStation"] = new JsonObject { ["vendorName"] = "TestVendor", ["model"] = "T-2", ["firmwareVersion"] = "2.0.0" },
    };

    public static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);

    public static JsonObject Meter16(DateTimeOffset at, long wh, string? context = null)
    {
        var sample = new JsonObject { ["value"] = wh.ToString(System.Globalization.CultureInfo.InvariantCulture), ["measurand"] = "Energy.Active.Import.Register", ["unit"] = "Wh" };
        if (context is not null)
        {
            sample["context"] = context;
        }

        return new JsonObject { ["timestamp"] = Iso(at), ["sampledValue"] = new JsonArray(sample) };
    }

    public static JsonObject Meter201(DateTimeOffset at, long wh, string context) => new()
    {
        ["timestamp"] = Iso(at),
        ["sampledValue"] = new JsonArray(new JsonObject
        {
            ["value"] = wh,
            ["measurand"] = "Energy.Active.Import.Register",
            ["context"] = context,
            ["unitOfMeasure"] = new JsonObject { ["unit"] = "Wh" },
        }),
    };

    /// <summary>A 2.0.1 TransactionEvent on EVSE 1 for the demo driver's card, with one energy sample.</summary>
    public static JsonObject TransactionEvent201(string transactionId, string stoppedReason, string type, int seq, DateTimeOffset at, long wh, string context, string trigger)
    {
        var info = new JsonObject { ["transactionId"] = transactionId };
        if (type == "Ended")
        {
            info["stoppedReason"] = stoppedReason;
        }

        return new JsonObject
        {
            ["eventType"] = type,
            ["timestamp"] = Iso(at),
            ["triggerReason"] = trigger,
            ["seqNo"] = seq,
            ["transactionInfo"] = info,
            ["evse"] = new JsonObject { ["id"] = 1, ["connectorId"] = 1 },
            ["idToken"] = new JsonObject { ["idToken"] = "DEMO-DRIVER-CARD", ["type"] = "ISO14443" },
            ["meterValue"] = new JsonArray(Meter201(at, wh, context)),
        };
    }

    public static async Task<JsonElement[]> TransactionsAsync(KestrelChargePortalFactory factory, string stationId) =>
        (await factory.CreateApi().GetFromJsonAsync<JsonElement[]>($"/api/transactions?stationId={Uri.EscapeDataString(stationId)}", TestContext.Current.CancellationToken))!;

    /// <summary>Meter values are written in batches; poll until the expected state shows, bounded.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> probe, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var value = await probe();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
