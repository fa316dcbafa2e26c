using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChargePortal.Web.Tests.Infrastructure;
using static ChargePortal.Web.Tests.Ocpp.OcppTestData;
using static ChargePortal.Web.Tests.Ocpp.V201SessionOwnershipTests;

namespace ChargePortal.Web.Tests.Ocpp;

/// <summary>The host with a master pass group configured (Ocpp:MasterPassGroupId).</summary>
public sealed class MasterPassChargePortalFactory : KestrelChargePortalFactory
{
    public const string MasterGroup = "MASTER-PASS-POLICE";

    protected override IDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(base.Settings) { ["Ocpp:MasterPassGroupId"] = MasterGroup };
}

/// <summary>
/// C16: a master pass (a token whose group is Ocpp:MasterPassGroupId) is Accepted with that group as groupIdToken, so
/// the station shows its master pass function; it stops another driver's session (stoppedReason MasterPass) without
/// taking it over, and may never start one (C16.FR.03), on 2.0.1 and at a 1.6 StartTransaction.
/// </summary>
public sealed class MasterPassTests(MasterPassChargePortalFactory factory) : IClassFixture<MasterPassChargePortalFactory>
{
    private const string MasterPass = "POLICE-0042";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_master_pass_is_answered_with_its_group_stops_a_drivers_session_and_cannot_start_one()
    {
        await CreateTokensAsync();
        _ = factory.BaseUri;
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, "AMS-ZA-01", V201);
        await cp.CallOkAsync("BootNotification", Boot201());

        var authorized = (await cp.CallOkAsync("Authorize", new JsonObject { ["idToken"] = new JsonObject { ["idToken"] = MasterPass, ["type"] = "ISO14443" } }))["idTokenInfo"]!;
        authorized["status"]!.GetValue<string>().ShouldBe("Accepted");
        authorized["groupIdToken"]!["idToken"]!.GetValue<string>().ShouldBe(MasterPassChargePortalFactory.MasterGroup, "the station compares it with its MasterPassGroupId");

        var t0 = DateTimeOffset.UtcNow.AddMinutes(-20);
        await cp.CallOkAsync("TransactionEvent", Event("tx-driver", "Started", 0, t0, "Authorized", 1_000, "Transaction.Begin", token: "DEMO-FLEET-001"));
        var stopped = await cp.CallOkAsync("TransactionEvent", Event("tx-driver", "Ended", 1, t0.AddMinutes(10), "StopAuthorized", 2_000, "Transaction.End",
            token: MasterPass, stoppedReason: "MasterPass"));
        stopped["idTokenInfo"]!["status"]!.GetValue<string>().ShouldBe("Accepted");
        var session = (await TransactionsAsync(factory, "AMS-ZA-01")).Single(t => t.GetProperty("transactionId").GetString() == "tx-driver");
        session.GetProperty("idTag").GetString().ShouldBe("DEMO-FLEET-001", "the session stays its driver's");
        session.GetProperty("status").GetString().ShouldBe("Completed");
        session.GetProperty("stopReason").GetString().ShouldBe("MasterPass");

        // Starting with it is refused, and it owns nothing.
        var start = await cp.CallOkAsync("TransactionEvent", Event("tx-master", "Started", 0, DateTimeOffset.UtcNow, "Authorized", 5_000, "Transaction.Begin", token: MasterPass));
        start["idTokenInfo"]!["status"]!.GetValue<string>().ShouldBe("Invalid", "C16.FR.03");
        (await TransactionsAsync(factory, "AMS-ZA-01")).Single(t => t.GetProperty("transactionId").GetString() == "tx-master")
            .GetProperty("idTag").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);

        await using var v16 = await RawOcppClient.ConnectAsync(factory.OcppUri, "AMS-ZA-02", V16);
        await v16.CallOkAsync("BootNotification", Boot16());
        var started16 = await v16.CallOkAsync("StartTransaction", new JsonObject { ["connectorId"] = 1, ["idTag"] = MasterPass, ["meterStart"] = 0, ["timestamp"] = Iso(DateTimeOffset.UtcNow) });
        started16["idTagInfo"]!["status"]!.GetValue<string>().ShouldBe("Invalid");
        started16["idTagInfo"]!["parentIdTag"]!.GetValue<string>().ShouldBe(MasterPassChargePortalFactory.MasterGroup);
    }

    private async Task CreateTokensAsync()
    {
        var api = factory.CreateApi();
        (await api.PostAsJsonAsync("/api/tokens", new { idTag = MasterPassChargePortalFactory.MasterGroup, status = "Accepted", kind = "Central" }, Ct)).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync("/api/tokens", new { idTag = MasterPass, status = "Accepted", parentIdTag = MasterPassChargePortalFactory.MasterGroup }, Ct)).EnsureSuccessStatusCode();
    }
}
