using System.Globalization;
using System.Text.Json.Nodes;
using ChargePortal.Web.Tests.Infrastructure;
using static ChargePortal.Web.Tests.Ocpp.OcppTestData;

namespace ChargePortal.Web.Tests.Cluster;

public sealed class ClusterFailoverTests
{
    [Fact]
    public async Task Session_started_on_a_node_that_dies_completes_on_the_other_with_one_transaction()
    {
        const string id = "CL-FAILOVER";
        await using var cluster = TwoNodeCluster.Start(TestRedis.Require());
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-30);
        var start = new JsonObject { ["connectorId"] = 1, ["idTag"] = "DEMO-DRIVER-CARD", ["meterStart"] = 10_000, ["timestamp"] = Iso(t0) };

        int txId;
        var onA = await RawOcppClient.ConnectAsync(cluster.A.OcppUri, id, V16);
        await using (onA)
        {
            await onA.CallOkAsync("BootNotification", Boot16());
            txId = (await onA.CallOkAsync("StartTransaction", start))["transactionId"]!.GetValue<int>();
            await onA.CallOkAsync("MeterValues", new JsonObject { ["connectorId"] = 1, ["transactionId"] = txId, ["meterValue"] = new JsonArray(Meter16(t0.AddMinutes(5), 11_500)) });

            // Node A goes away mid-session; the station is told to come back.
            await cluster.A.DisposeAsync();
            await onA.WaitClosedAsync();
        }

        await using var onB = await RawOcppClient.ConnectAsync(cluster.B.OcppUri, id, V16);
        await onB.CallOkAsync("BootNotification", Boot16());

        // The StartTransaction A may not have confirmed is replayed: same transaction.
        (await onB.CallOkAsync("StartTransaction", start))["transactionId"]!.GetValue<int>().ShouldBe(txId);
        await onB.CallOkAsync("MeterValues", new JsonObject { ["connectorId"] = 1, ["transactionId"] = txId, ["meterValue"] = new JsonArray(Meter16(t0.AddMinutes(10), 13_000)) });
        await onB.CallOkAsync("StopTransaction", new JsonObject
        {
            ["transactionId"] = txId, ["meterStop"] = 16_000, ["timestamp"] = Iso(t0.AddMinutes(20)), ["reason"] = "Local", ["idTag"] = "DEMO-DRIVER-CARD",
        });

        var done = await EventuallyAsync(() => TransactionsAsync(cluster.B, id), t => t.Length == 1 && t[0].GetProperty("status").GetString() == "Completed");
        done.Length.ShouldBe(1);
        done[0].GetProperty("status").GetString().ShouldBe("Completed");
        done[0].GetProperty("energyWh").GetInt64().ShouldBe(6_000);
        done[0].GetProperty("transactionId").GetString().ShouldBe(txId.ToString(CultureInfo.InvariantCulture));
    }
}
