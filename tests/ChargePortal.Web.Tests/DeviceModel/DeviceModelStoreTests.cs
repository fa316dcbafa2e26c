using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChargePortal.Web.Tests.Foundation;
using ChargePortal.Web.Tests.Infrastructure;
using ChargePortal.Web.Tests.Ocpp;
using static ChargePortal.Web.Tests.DeviceModel.DeviceModelTestSupport;

namespace ChargePortal.Web.Tests.DeviceModel;

/// <summary>The device model store (DESIGN.md "Device model, events and alerts") fed by stations on real sockets.</summary>
public sealed class DeviceModelStoreTests(KestrelChargePortalFactory factory) : IClassFixture<KestrelChargePortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetBaseReport_then_the_stations_NotifyReport_parts_in_any_order_make_the_device_model_list_them()
    {
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, "DM-REPORT", OcppTestData.V201);
        await cp.CallOkAsync("BootNotification", OcppTestData.Boot201());
        var api = factory.CreateApi();

        var sent = api.PostAsJsonAsync("/api/stations/DM-REPORT/ocpp/GetBaseReport", new { requestId = 77, reportBase = "FullInventory" }, Ct);
        var call = await cp.ExpectCallAsync("GetBaseReport");
        await cp.RespondAsync(call, new JsonObject { ["status"] = "Accepted" });
        (await sent).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The last part first: parts are independent and each is stored as it arrives.
        await cp.CallOkAsync("NotifyReport", NotifyReport(77, 1, false,
            ReportData("Connector", "AvailabilityState", [new JsonObject { ["type"] = "Actual", ["value"] = "Available", ["mutability"] = "ReadOnly" }],
                new JsonObject { ["dataType"] = "OptionList", ["valuesList"] = "Available,Occupied,Reserved,Unavailable,Faulted", ["supportsMonitoring"] = true },
                evseId: 1, connectorId: 1)));
        await cp.CallOkAsync("NotifyReport", NotifyReport(77, 0, true,
            ReportData("OCPPCommCtrlr", "HeartbeatInterval",
                [
                    new JsonObject { ["type"] = "Actual", ["value"] = "300", ["mutability"] = "ReadWrite", ["persistent"] = true, ["constant"] = false },
                    new JsonObject { ["type"] = "MinSet", ["value"] = "10", ["mutability"] = "ReadOnly" },
                ],
                new JsonObject { ["dataType"] = "integer", ["unit"] = "s", ["minLimit"] = 10, ["maxLimit"] = 86400, ["supportsMonitoring"] = false }),
            ReportData("OCPPCommCtrlr", "MessageAttemptInterval", [new JsonObject { ["value"] = "30" }], variableInstance: "TransactionEvent"),
            ReportData("EVSE", "Power", [new JsonObject { ["type"] = "MaxSet", ["value"] = "22000" }], componentInstance: "left", evseId: 2)));

        var model = await DeviceModelAsync(api, "DM-REPORT");
        model.GetArrayLength().ShouldBe(4);

        var heartbeat = Find(model, "OCPPCommCtrlr", "HeartbeatInterval")!.Value;
        heartbeat.GetProperty("component").TryGetProperty("evse", out _).ShouldBeFalse();
        Attribute(heartbeat, "Actual").ShouldBe("300");
        Attribute(heartbeat, "Actual", "mutability").ShouldBe("ReadWrite");
        Attribute(heartbeat, "Actual", "persistent").ShouldBe("True");
        Attribute(heartbeat, "Actual", "constant").ShouldBe("False");
        Attribute(heartbeat, "MinSet").ShouldBe("10");
        Attribute(heartbeat, "MinSet", "mutability").ShouldBe("ReadOnly");
        var characteristics = heartbeat.GetProperty("characteristics");
        characteristics.GetProperty("dataType").GetString().ShouldBe("integer");
        characteristics.GetProperty("unit").GetString().ShouldBe("s");
        characteristics.GetProperty("minLimit").GetDecimal().ShouldBe(10m);
        characteristics.GetProperty("maxLimit").GetDecimal().ShouldBe(86400m);
        characteristics.GetProperty("supportsMonitoring").GetBoolean().ShouldBeFalse();

        var availability = Find(model, "Connector", "AvailabilityState")!.Value;
        availability.GetProperty("component").GetProperty("evse").GetProperty("id").GetInt32().ShouldBe(1);
        availability.GetProperty("component").GetProperty("evse").GetProperty("connectorId").GetInt32().ShouldBe(1);
        availability.GetProperty("characteristics").GetProperty("valuesList").GetString().ShouldBe("Available,Occupied,Reserved,Unavailable,Faulted");
        availability.GetProperty("characteristics").GetProperty("supportsMonitoring").GetBoolean().ShouldBeTrue();

        // An attribute without a type is the Actual one; a variable without characteristics has none in the answer.
        var attempts = Find(model, "OCPPCommCtrlr", "MessageAttemptInterval", variableInstance: "TransactionEvent")!.Value;
        Attribute(attempts, "Actual").ShouldBe("30");
        attempts.TryGetProperty("characteristics", out _).ShouldBeFalse();

        var power = Find(model, "EVSE", "Power", componentInstance: "left")!.Value;
        power.GetProperty("component").GetProperty("evse").GetProperty("id").GetInt32().ShouldBe(2);
        power.GetProperty("component").GetProperty("evse").TryGetProperty("connectorId", out _).ShouldBeFalse();
        Attribute(power, "MaxSet").ShouldBe("22000");

        // A later report of the same variable updates it in place.
        await cp.CallOkAsync("NotifyReport", NotifyReport(78, 0, false,
            ReportData("OCPPCommCtrlr", "HeartbeatInterval", [new JsonObject { ["type"] = "Actual", ["value"] = "600", ["mutability"] = "ReadWrite" }])));
        var updated = await DeviceModelAsync(api, "DM-REPORT");
        updated.GetArrayLength().ShouldBe(4);
        Attribute(Find(updated, "OCPPCommCtrlr", "HeartbeatInterval")!.Value, "Actual").ShouldBe("600");
        Attribute(Find(updated, "OCPPCommCtrlr", "HeartbeatInterval")!.Value, "MinSet").ShouldBe("10");
    }

    [Fact]
    public async Task A_report_part_breaking_the_schema_is_refused_and_stores_nothing()
    {
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, "DM-BAD", OcppTestData.V201);
        await cp.CallOkAsync("BootNotification", OcppTestData.Boot201());
        var bad = NotifyReport(5, 0, false, ReportData("OCPPCommCtrlr", "HeartbeatInterval", [new JsonObject { ["type"] = "Sometimes", ["value"] = "1" }]));

        var answer = await cp.CallAsync("NotifyReport", bad);
        ((int)answer[0]!).ShouldBe(4);
        (await StoredRowsAsync(factory, "DM-BAD")).ShouldBe(0);
    }

    [Fact]
    public async Task GetVariables_and_SetVariables_answers_update_the_store()
    {
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, "DM-VARS", OcppTestData.V201);
        await cp.CallOkAsync("BootNotification", OcppTestData.Boot201());
        var api = factory.CreateApi();

        var get = api.PostAsJsonAsync("/api/stations/DM-VARS/ocpp/GetVariables", new
        {
            getVariableData = new object[]
            {
                new { component = new { name = "OCPPCommCtrlr" }, variable = new { name = "HeartbeatInterval" } },
                new { component = new { name = "EVSE", evse = new { id = 1 } }, variable = new { name = "Power" }, attributeType = "MaxSet" },
                new { component = new { name = "Nope" }, variable = new { name = "Nothing" } },
            },
        }, Ct);
        var getCall = await cp.ExpectCallAsync("GetVariables");
        await cp.RespondAsync(getCall, new JsonObject
        {
            ["getVariableResult"] = new JsonArray(
                new JsonObject { ["attributeStatus"] = "Accepted", ["attributeValue"] = "120", ["component"] = new JsonObject { ["name"] = "OCPPCommCtrlr" }, ["variable"] = new JsonObject { ["name"] = "HeartbeatInterval" } },
                new JsonObject { ["attributeStatus"] = "Accepted", ["attributeType"] = "MaxSet", ["attributeValue"] = "11000", ["component"] = new JsonObject { ["name"] = "EVSE", ["evse"] = new JsonObject { ["id"] = 1 } }, ["variable"] = new JsonObject { ["name"] = "Power" } },
                new JsonObject { ["attributeStatus"] = "UnknownComponent", ["component"] = new JsonObject { ["name"] = "Nope" }, ["variable"] = new JsonObject { ["name"] = "Nothing" } }),
        });
        (await get).StatusCode.ShouldBe(HttpStatusCode.OK);

        var model = await EventuallyAsync(api, "DM-VARS", m => m.GetArrayLength() == 2);
        Attribute(Find(model, "OCPPCommCtrlr", "HeartbeatInterval")!.Value, "Actual").ShouldBe("120");
        Attribute(Find(model, "EVSE", "Power")!.Value, "MaxSet").ShouldBe("11000");
        Find(model, "Nope", "Nothing").ShouldBeNull();

        var set = api.PostAsJsonAsync("/api/stations/DM-VARS/ocpp/SetVariables", new
        {
            setVariableData = new object[]
            {
                new { component = new { name = "OCPPCommCtrlr" }, variable = new { name = "HeartbeatInterval" }, attributeValue = "90" },
                new { component = new { name = "EVSE", evse = new { id = 1 } }, variable = new { name = "Power" }, attributeType = "MaxSet", attributeValue = "99999" },
            },
        }, Ct);
        var setCall = await cp.ExpectCallAsync("SetVariables");
        await cp.RespondAsync(setCall, new JsonObject
        {
            ["setVariableResult"] = new JsonArray(
                new JsonObject { ["attributeStatus"] = "Accepted", ["component"] = new JsonObject { ["name"] = "OCPPCommCtrlr" }, ["variable"] = new JsonObject { ["name"] = "HeartbeatInterval" } },
                new JsonObject { ["attributeStatus"] = "Rejected", ["attributeType"] = "MaxSet", ["component"] = new JsonObject { ["name"] = "EVSE", ["evse"] = new JsonObject { ["id"] = 1 } }, ["variable"] = new JsonObject { ["name"] = "Power" } }),
        });
        (await set).StatusCode.ShouldBe(HttpStatusCode.OK);

        model = await EventuallyAsync(api, "DM-VARS", m => Attribute(Find(m, "OCPPCommCtrlr", "HeartbeatInterval")!.Value, "Actual") == "90");
        Attribute(Find(model, "OCPPCommCtrlr", "HeartbeatInterval")!.Value, "Actual").ShouldBe("90");
        Attribute(Find(model, "EVSE", "Power")!.Value, "MaxSet").ShouldBe("11000"); // the station rejected 99999
    }

    [Fact]
    public async Task A_16_GetConfiguration_answer_is_stored_as_component_OCPP16_and_an_accepted_change_updates_it()
    {
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, "DM-16", OcppTestData.V16);
        await cp.CallOkAsync("BootNotification", OcppTestData.Boot16());
        var api = factory.CreateApi();

        var get = api.PostAsJsonAsync("/api/stations/DM-16/commands/get-configuration", new { keys = Array.Empty<string>() }, Ct);
        await cp.RespondAsync(await cp.ExpectCallAsync("GetConfiguration"), new JsonObject
        {
            ["configurationKey"] = new JsonArray(
                new JsonObject { ["key"] = "HeartbeatInterval", ["readonly"] = false, ["value"] = "300" },
                new JsonObject { ["key"] = "NumberOfConnectors", ["readonly"] = true, ["value"] = "2" }),
        });
        (await get).StatusCode.ShouldBe(HttpStatusCode.OK);

        var model = await EventuallyAsync(api, "DM-16", m => m.GetArrayLength() == 2);
        var heartbeat = Find(model, "OCPP16", "HeartbeatInterval")!.Value;
        Attribute(heartbeat, "Actual").ShouldBe("300");
        Attribute(heartbeat, "Actual", "mutability").ShouldBe("ReadWrite");
        Attribute(Find(model, "OCPP16", "NumberOfConnectors")!.Value, "Actual", "mutability").ShouldBe("ReadOnly");

        var change = api.PostAsJsonAsync("/api/stations/DM-16/commands/set-configuration", new { key = "HeartbeatInterval", value = "60" }, Ct);
        await cp.RespondAsync(await cp.ExpectCallAsync("ChangeConfiguration"), new JsonObject { ["status"] = "Accepted" });
        (await change).StatusCode.ShouldBe(HttpStatusCode.OK);
        model = await EventuallyAsync(api, "DM-16", m => Attribute(Find(m, "OCPP16", "HeartbeatInterval")!.Value, "Actual") == "60");
        Attribute(Find(model, "OCPP16", "HeartbeatInterval")!.Value, "Actual").ShouldBe("60");
    }

    [Fact]
    public async Task An_unknown_station_is_404_and_drivers_may_not_read_a_device_model()
    {
        await ApiAuthenticationTests.ShouldBeProblemAsync(await factory.CreateApi().GetAsync("/api/stations/NOPE/device-model", Ct), HttpStatusCode.NotFound, "NOPE");
        var driverKey = await factory.ApiKeyForAsync(Data.DemoSeeder.DriverEmail);
        (await factory.CreateApi(driverKey).GetAsync("/api/stations/AMS-WP-02/device-model", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var ownerKey = await factory.ApiKeyForAsync(Data.DemoSeeder.OwnerEmail);
        (await factory.CreateApi(ownerKey).GetAsync("/api/stations/AMS-WP-02/device-model", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

/// <summary>GetBaseReport(FullInventory) after the boot of a new or changed 2.0.1 station.</summary>
public sealed class BaseReportOnBootTests(BaseReportOnBootFactory factory) : IClassFixture<BaseReportOnBootFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_station_is_asked_for_its_full_inventory_after_the_boot_answer_and_an_unchanged_reboot_is_not()
    {
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, "DM-BOOT", OcppTestData.V201);
        var boot = await cp.CallOkAsync("BootNotification", OcppTestData.Boot201());
        boot["status"]!.GetValue<string>().ShouldBe("Accepted");

        var call = await cp.ExpectCallAsync("GetBaseReport");
        call[3]!["reportBase"]!.GetValue<string>().ShouldBe("FullInventory");
        var requestId = call[3]!["requestId"]!.GetValue<int>();
        await cp.RespondAsync(call, new JsonObject { ["status"] = "Accepted" });
        await cp.CallOkAsync("NotifyReport", NotifyReport(requestId, 0, false,
            ReportData("ChargingStation", "Model", [new JsonObject { ["value"] = "T-2", ["mutability"] = "ReadOnly" }], new JsonObject { ["dataType"] = "string", ["supportsMonitoring"] = false })));
        var model = await DeviceModelAsync(factory.CreateApi(), "DM-BOOT");
        Attribute(Find(model, "ChargingStation", "Model")!.Value, "Actual").ShouldBe("T-2");

        // The same station booting again unchanged: the next call it sees is the one the test sends.
        await cp.CallOkAsync("BootNotification", OcppTestData.Boot201());
        await ExpectNextCallIsClearCacheAsync(cp, factory.CreateApi(), "DM-BOOT");

        // New firmware: the model may have changed, so it is asked again.
        var upgraded = OcppTestData.Boot201();
        upgraded["chargingStation"]!["firmwareVersion"] = "2.1.0";
        await cp.CallOkAsync("BootNotification", upgraded);
        await cp.RespondAsync(await cp.ExpectCallAsync("GetBaseReport"), new JsonObject { ["status"] = "Accepted" });
    }

    [Fact]
    public async Task A_16_station_is_not_sent_a_20_report()
    {
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, "DM-BOOT-16", OcppTestData.V16);
        await cp.CallOkAsync("BootNotification", OcppTestData.Boot16());
        var ok = factory.CreateApi().PostAsJsonAsync("/api/stations/DM-BOOT-16/ocpp/ClearCache", new { }, Ct);
        await cp.RespondAsync(await cp.ExpectCallAsync("ClearCache"), new JsonObject { ["status"] = "Accepted" });
        (await ok).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task ExpectNextCallIsClearCacheAsync(RawOcppClient cp, HttpClient api, string stationId)
    {
        var ok = api.PostAsJsonAsync($"/api/stations/{stationId}/ocpp/ClearCache", new { }, Ct);
        await cp.RespondAsync(await cp.ExpectCallAsync("ClearCache"), new JsonObject { ["status"] = "Accepted" });
        (await ok).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
