using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ChargePortal.Web.DeviceModel;
using ChargePortal.Web.Ocpp.Commands;
using ChargePortal.Web.Tests.Infrastructure;
using ChargePortal.Web.Tests.Ocpp;
using Microsoft.Extensions.DependencyInjection;
using static ChargePortal.Web.Tests.DeviceModel.DeviceModelTestSupport;

namespace ChargePortal.Web.Tests.DeviceModel;

/// <summary>
/// Get/SetVariables on real sockets, split by the station's DeviceDataCtrlr ItemsPerMessage / BytesPerMessage
/// (B05.FR.11, B06.FR.05) and merged back in order.
/// </summary>
public sealed class VariableAccessTests(KestrelChargePortalFactory factory) : IClassFixture<KestrelChargePortalFactory>
{
    private static readonly CommandActor Actor = new("variable-access-test", null);
    private static readonly string[] CommVariables = ["HeartbeatInterval", "MessageTimeout", "OfflineThreshold", "RetryBackOffRandomRange", "NetworkProfileConnectionAttempts"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private VariableAccess Access => factory.Services.GetRequiredService<VariableAccess>();

    [Fact]
    public async Task SetVariables_beyond_ItemsPerMessage_go_out_as_several_calls_and_the_results_are_merged_in_order()
    {
        await using var cp = await BootWithLimitsAsync("VA-ITEMS", ("ItemsPerMessage", "SetVariables", "2"));
        var writes = Enumerable.Range(1, 5).Select(i => new VariableWrite(Address("TestCtrlr", $"V{i}"), AttributeKind.Actual, $"{i * 10}")).ToList();
        writes[3] = writes[3] with { Address = new VariableAddress("EVSE", "left", 1, 2, "Power", "L1"), Attribute = AttributeKind.MaxSet };

        var sent = Access.SetAsync("VA-ITEMS", writes, Actor, Ct);
        var sizes = new List<int>();
        for (var call = 0; call < 3; call++)
        {
            var request = await cp.ExpectCallAsync("SetVariables");
            var data = request[3]!["setVariableData"]!.AsArray();
            sizes.Add(data.Count);
            await cp.RespondAsync(request, new JsonObject
            {
                ["setVariableResult"] = new JsonArray([.. data.Select(d => (JsonNode)new JsonObject
                {
                    ["attributeType"] = d!["attributeType"]!.DeepClone(),
                    ["attributeStatus"] = (string)d["variable"]!["name"]! == "V3" ? "Rejected" : "Accepted",
                    ["component"] = d["component"]!.DeepClone(),
                    ["variable"] = d["variable"]!.DeepClone(),
                })]),
            });
        }

        var result = await sent;
        sizes.ShouldBe([2, 2, 1]);
        var answer = result.Answer.ShouldNotBeNull();
        answer.Results.Select(r => r.Address.Variable).ShouldBe(["V1", "V2", "V3", "Power", "V5"]);
        answer.Results.Select(r => r.Status).ShouldBe([VariableStatus.Accepted, VariableStatus.Accepted, VariableStatus.Rejected, VariableStatus.Accepted, VariableStatus.Accepted]);
        answer.Results[3].Address.ShouldBe(new VariableAddress("EVSE", "left", 1, 2, "Power", "L1"));
        answer.Results[3].Attribute.ShouldBe(AttributeKind.MaxSet);
        answer.StatusText.ShouldBe("Rejected");
        answer.Details["calls"]!.GetValue<int>().ShouldBe(3);
        answer.Details["setVariableResult"]!.AsArray().Count.ShouldBe(5);

        // Accepted values reach the device model, with their exact address and attribute; the rejected one does not.
        var model = await EventuallyAsync(factory.CreateApi(), "VA-ITEMS", m => Find(m, "TestCtrlr", "V5") is not null && Find(m, "EVSE", "Power", "left", "L1") is not null);
        Attribute(Find(model, "TestCtrlr", "V5")!.Value, "Actual").ShouldBe("50");
        Attribute(Find(model, "EVSE", "Power", "left", "L1")!.Value, "MaxSet").ShouldBe("40");
        Find(model, "TestCtrlr", "V3").ShouldBeNull();
    }

    [Fact]
    public async Task GetVariables_beyond_BytesPerMessage_go_out_in_frames_no_larger_than_the_limit()
    {
        const int limit = 260;
        await using var cp = await BootWithLimitsAsync("VA-BYTES", ("BytesPerMessage", "GetVariables", limit.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var reads = CommVariables.Select(name => new VariableRead(Address("OCPPCommCtrlr", name))).ToList();

        var sent = Access.GetAsync("VA-BYTES", reads, Actor, Ct);
        var asked = new List<string>();
        while (asked.Count < reads.Count)
        {
            var request = await cp.ExpectCallAsync("GetVariables");
            Encoding.UTF8.GetByteCount(request.ToJsonString()).ShouldBeLessThanOrEqualTo(limit);
            var data = request[3]!["getVariableData"]!.AsArray();
            asked.AddRange(data.Select(d => (string)d!["variable"]!["name"]!));
            await cp.RespondAsync(request, new JsonObject
            {
                ["getVariableResult"] = new JsonArray([.. data.Select(d => (JsonNode)new JsonObject
                {
                    ["attributeStatus"] = "Accepted",
                    ["attributeType"] = "Actual",
                    ["attributeValue"] = $"{((string)d!["variable"]!["name"]!).Length}",
                    ["component"] = d["component"]!.DeepClone(),
                    ["variable"] = d["variable"]!.DeepClone(),
                })]),
            });
        }

        var answer = (await sent).Answer.ShouldNotBeNull();
        asked.ShouldBe(reads.Select(r => r.Address.Variable));
        answer.Details["calls"]!.GetValue<int>().ShouldBeGreaterThan(1);
        answer.Results.Select(r => r.Value).ShouldBe(reads.Select(r => r.Address.Variable.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        answer.Status.ShouldBe(CommandStatus.Accepted);
    }

    [Fact]
    public async Task The_get_configuration_command_on_a_201_station_is_split_by_ItemsPerMessage_and_answered_as_one()
    {
        await using var cp = await BootWithLimitsAsync("VA-CONFIG", ("ItemsPerMessage", "GetVariables", "2"));
        var keys = CommVariables.Select(v => $"OCPPCommCtrlr.{v}").ToArray();

        var sent = factory.CreateApi().PostAsJsonAsync("/api/stations/VA-CONFIG/commands/get-configuration", new { keys }, Ct);
        var sizes = new List<int>();
        while (sizes.Sum() < keys.Length)
        {
            var request = await cp.ExpectCallAsync("GetVariables");
            var data = request[3]!["getVariableData"]!.AsArray();
            sizes.Add(data.Count);
            await cp.RespondAsync(request, new JsonObject
            {
                ["getVariableResult"] = new JsonArray([.. data.Select(d => (JsonNode)(((string)d!["variable"]!["name"]!) == "OfflineThreshold"
                    ? new JsonObject { ["attributeStatus"] = "UnknownVariable", ["component"] = d["component"]!.DeepClone(), ["variable"] = d["variable"]!.DeepClone() }
                    : new JsonObject { ["attributeStatus"] = "Accepted", ["attributeValue"] = "7", ["component"] = d["component"]!.DeepClone(), ["variable"] = d["variable"]!.DeepClone() }))]),
            });
        }

        var response = await sent;
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);
        sizes.ShouldBe([2, 2, 1]);
        body!["status"]!.GetValue<string>().ShouldBe("UnknownVariable");
        body["configuration"]!.AsArray().Select(e => (string)e!["key"]!).ShouldBe(keys.Where(k => k != "OCPPCommCtrlr.OfflineThreshold"));
        body["unknownKeys"]!.AsArray().Select(k => (string)k!).ShouldBe(["OCPPCommCtrlr.OfflineThreshold"]);
        body["getVariableResult"]!.AsArray().Count.ShouldBe(5);
    }

    [Fact]
    public async Task Without_reported_limits_everything_goes_in_one_call()
    {
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, "VA-NOLIMIT", OcppTestData.V201);
        await cp.CallOkAsync("BootNotification", OcppTestData.Boot201());

        var sent = Access.GetAsync("VA-NOLIMIT", [.. Enumerable.Range(1, 30).Select(i => new VariableRead(Address("TestCtrlr", $"V{i}")))], Actor, Ct);
        var request = await cp.ExpectCallAsync("GetVariables");
        request[3]!["getVariableData"]!.AsArray().Count.ShouldBe(30);
        await cp.RespondAsync(request, new JsonObject
        {
            ["getVariableResult"] = new JsonArray([.. request[3]!["getVariableData"]!.AsArray().Select(d => (JsonNode)new JsonObject
            {
                ["attributeStatus"] = "UnknownVariable", ["component"] = d!["component"]!.DeepClone(), ["variable"] = d["variable"]!.DeepClone(),
            })]),
        });

        var answer = (await sent).Answer.ShouldNotBeNull();
        answer.Results.Count.ShouldBe(30);
        answer.Results.ShouldAllBe(r => r.Status == VariableStatus.UnknownVariable && r.Value == null);
        answer.StatusText.ShouldBe("UnknownVariable");
    }

    [Fact]
    public async Task A_station_error_on_a_later_call_says_which_call_and_how_far_it_got()
    {
        await using var cp = await BootWithLimitsAsync("VA-FAIL", ("ItemsPerMessage", "SetVariables", "1"));
        var sent = Access.SetAsync("VA-FAIL", [new(Address("TestCtrlr", "A"), AttributeKind.Actual, "1"), new(Address("TestCtrlr", "B"), AttributeKind.Actual, "2")], Actor, Ct);

        var first = await cp.ExpectCallAsync("SetVariables");
        await cp.RespondAsync(first, new JsonObject
        {
            ["setVariableResult"] = new JsonArray(new JsonObject
            {
                ["attributeStatus"] = "Accepted", ["component"] = first[3]!["setVariableData"]![0]!["component"]!.DeepClone(), ["variable"] = first[3]!["setVariableData"]![0]!["variable"]!.DeepClone(),
            }),
        });
        await cp.RespondErrorAsync(await cp.ExpectCallAsync("SetVariables"), "InternalError", "boom");

        var error = (await sent).Error.ShouldNotBeNull();
        error.Kind.ShouldBe(CommandFailure.StationError);
        error.OcppErrorCode.ShouldBe("InternalError");
        error.Detail.ShouldEndWith("(call 2 of 2; the first 1 items were answered)");
    }

    [Fact]
    public async Task Repeated_or_missing_items_are_refused_before_anything_is_sent()
    {
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, "VA-BAD", OcppTestData.V201);
        await cp.CallOkAsync("BootNotification", OcppTestData.Boot201());
        var write = new VariableWrite(Address("TestCtrlr", "A"), AttributeKind.Actual, "1");

        var repeated = await Access.SetAsync("VA-BAD", [write, write with { Value = "2" }], Actor, Ct);
        repeated.Error.ShouldNotBeNull().Kind.ShouldBe(CommandFailure.BadArguments);
        repeated.Error.Detail.ShouldContain("TestCtrlr.A (Actual) more than once");

        (await Access.GetAsync("VA-BAD", [], Actor, Ct)).Error.ShouldNotBeNull().Kind.ShouldBe(CommandFailure.BadArguments);

        var tooLong = await Access.SetAsync("VA-BAD", [write with { Value = new string('x', 1001) }], Actor, Ct);
        tooLong.Error.ShouldNotBeNull().Kind.ShouldBe(CommandFailure.BadArguments);

        // Nothing reached the station: the next call it sees is this one.
        var probe = Access.GetAsync("VA-BAD", [new VariableRead(Address("TestCtrlr", "Probe"))], Actor, Ct);
        var call = await cp.ExpectCallAsync("GetVariables");
        ((string)call[3]!["getVariableData"]![0]!["variable"]!["name"]!).ShouldBe("Probe");
        await cp.RespondErrorAsync(call, "NotSupported", "test");
        (await probe).Error.ShouldNotBeNull().Kind.ShouldBe(CommandFailure.StationError);
    }

    private static VariableAddress Address(string component, string variable) => new(component, null, null, null, variable, null);

    /// <summary>A 2.0.1 station that reported DeviceDataCtrlr limits (variable name, instance, value) in a NotifyReport.</summary>
    private async Task<RawOcppClient> BootWithLimitsAsync(string stationId, params (string Variable, string Instance, string Value)[] limits)
    {
        var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, stationId, OcppTestData.V201);
        await cp.CallOkAsync("BootNotification", OcppTestData.Boot201());
        await cp.CallOkAsync("NotifyReport", NotifyReport(1, 0, false, [.. limits.Select(l => ReportData("DeviceDataCtrlr", l.Variable,
            [new JsonObject { ["type"] = "Actual", ["value"] = l.Value, ["mutability"] = "ReadOnly" }],
            new JsonObject { ["dataType"] = "integer", ["supportsMonitoring"] = false }, variableInstance: l.Instance))]));
        await EventuallyAsync(factory.CreateApi(), stationId, m => limits.All(l => Find(m, "DeviceDataCtrlr", l.Variable, variableInstance: l.Instance) is not null));
        return cp;
    }
}
