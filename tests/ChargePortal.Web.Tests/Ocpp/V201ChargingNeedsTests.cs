using System.Text.Json.Nodes;
using ChargePortal.Web.Tests.Infrastructure;
using static ChargePortal.Web.Tests.Ocpp.OcppTestData;
using static ChargePortal.Web.Tests.Ocpp.V201SessionOwnershipTests;

namespace ChargePortal.Web.Tests.Ocpp;

/// <summary>
/// ISO 15118 charging needs (K15): Accepted only when a TxProfile follows (here: the session is on a load-managed site,
/// demo "Centraal Station P+R" at 300 kW, and the balancer sends the profile at once), else Rejected; the EV's schedule
/// is Accepted only within the CSMS's limit.
/// </summary>
public sealed class V201ChargingNeedsTests(KestrelChargePortalFactory factory) : IClassFixture<KestrelChargePortalFactory>
{
    [Fact]
    public async Task Needs_are_accepted_only_where_a_TxProfile_follows()
    {
        _ = factory.BaseUri;
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, "AMS-CS-01", V201);
        await cp.CallOkAsync("BootNotification", Boot201());
        (await cp.CallOkAsync("NotifyEVChargingNeeds", Needs()))["status"]!.GetValue<string>().ShouldBe("Rejected", "no session on the EVSE, no schedule");

        await cp.CallOkAsync("TransactionEvent", Event("tx-needs", "Started", 0, DateTimeOffset.UtcNow, "Authorized", token: "DEMO-DRIVER-CARD"));
        await cp.RespondAsync(await cp.ExpectCallAsync("SetChargingProfile"), new JsonObject { ["status"] = "Accepted" }); // the session's start share

        (await cp.CallOkAsync("NotifyEVChargingNeeds", Needs()))["status"]!.GetValue<string>().ShouldBe("Accepted");
        var profile = await cp.ExpectCallAsync("SetChargingProfile");
        profile[3]!["evseId"]!.GetValue<int>().ShouldBe(1);
        profile[3]!["chargingProfile"]!["chargingProfilePurpose"]!.GetValue<string>().ShouldBe("TxProfile");
        profile[3]!["chargingProfile"]!["transactionId"]!.GetValue<string>().ShouldBe("tx-needs");
        await cp.RespondAsync(profile, new JsonObject { ["status"] = "Accepted" });

        (await cp.CallOkAsync("NotifyEVChargingSchedule", Schedule("W", 11_000)))["status"]!.GetValue<string>().ShouldBe("Accepted");
        (await cp.CallOkAsync("NotifyEVChargingSchedule", Schedule("A", 32)))["status"]!.GetValue<string>().ShouldBe("Accepted");
        (await cp.CallOkAsync("NotifyEVChargingSchedule", Schedule("W", 400_000)))["status"]!.GetValue<string>().ShouldBe("Rejected");
    }

    [Fact]
    public async Task Needs_on_a_site_without_load_management_are_rejected()
    {
        _ = factory.BaseUri;
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, "V201-NEEDS-UNMANAGED", V201);
        await cp.CallOkAsync("BootNotification", Boot201());
        await cp.CallOkAsync("TransactionEvent", Event("tx-unmanaged", "Started", 0, DateTimeOffset.UtcNow, "Authorized", token: "DEMO-DRIVER-CARD"));
        var answer = await cp.CallOkAsync("NotifyEVChargingNeeds", Needs());
        answer["status"]!.GetValue<string>().ShouldBe("Rejected");
        answer["statusInfo"]!["reasonCode"]!.GetValue<string>().ShouldBe("NoSchedule");
        (await cp.CallOkAsync("NotifyEVChargingSchedule", Schedule("W", 11_000)))["status"]!.GetValue<string>().ShouldBe("Rejected");
    }

    private static JsonObject Needs() => new()
    {
        ["evseId"] = 1,
        ["chargingNeeds"] = new JsonObject
        {
            ["requestedEnergyTransfer"] = "AC_three_phase",
            ["acChargingParameters"] = new JsonObject { ["energyAmount"] = 20_000, ["evMinCurrent"] = 6, ["evMaxCurrent"] = 32, ["evMaxVoltage"] = 400 },
        },
    };

    private static JsonObject Schedule(string unit, decimal limit) => new()
    {
        ["timeBase"] = Iso(DateTimeOffset.UtcNow),
        ["evseId"] = 1,
        ["chargingSchedule"] = new JsonObject
        {
            ["id"] = 1,
            ["chargingRateUnit"] = unit,
            ["chargingSchedulePeriod"] = new JsonArray(new JsonObject { ["startPeriod"] = 0, ["limit"] = limit }),
        },
    };
}
