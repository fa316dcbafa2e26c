using System.Text.Json.Nodes;
using ChargePortal.Ocpp;
using ChargePortal.Web.Ocpp.Commands;

namespace ChargePortal.Web.Tests.DeviceModel;

/// <summary>Device-model reads and writes as OCPP calls: full addressing in 2.0.1, refused in 1.6.</summary>
public sealed class VariableArgumentsTests
{
    private static readonly VariableAddress Power = new("EVSE", "left", 2, 1, "Power", "L1");
    private static readonly VariableAddress Heartbeat = new("OCPPCommCtrlr", null, null, null, "HeartbeatInterval", null);

    [Fact]
    public void SetVariables_carries_instances_evse_connector_and_attribute_type()
    {
        var call = StationCommandAdapters.For(OcppVersion.V201).Build(
            new SetVariablesArguments([new VariableWrite(Power, AttributeKind.MaxSet, "11000"), new VariableWrite(Heartbeat, AttributeKind.Actual, "60")]),
            new StationCommandContext());

        call.Action.ShouldBe("SetVariables");
        JsonNode.Parse(call.Payload.GetRawText())!.ToJsonString().ShouldBe(
            """{"setVariableData":[{"attributeType":"MaxSet","attributeValue":"11000","component":{"evse":{"id":2,"connectorId":1},"name":"EVSE","instance":"left"},"variable":{"name":"Power","instance":"L1"}},"""
            + """{"attributeType":"Actual","attributeValue":"60","component":{"name":"OCPPCommCtrlr"},"variable":{"name":"HeartbeatInterval"}}]}""");
    }

    [Fact]
    public void GetVariables_may_ask_two_attributes_of_one_variable_but_not_the_same_one_twice()
    {
        var call = StationCommandAdapters.For(OcppVersion.V201).Build(
            new GetVariablesArguments([new VariableRead(Power, AttributeKind.Actual), new VariableRead(Power, AttributeKind.MaxSet)]), new StationCommandContext());
        call.Payload.GetProperty("getVariableData").GetArrayLength().ShouldBe(2);

        Should.Throw<StationCommandArgumentException>(() => StationCommandAdapters.For(OcppVersion.V201).Build(
                new GetVariablesArguments([new VariableRead(Power), new VariableRead(Power)]), new StationCommandContext()))
            .Message.ShouldContain("EVSE.Power (Actual) more than once");
    }

    [Fact]
    public void A_value_over_the_schemas_1000_characters_is_bad_arguments() =>
        Should.Throw<StationCommandArgumentException>(() => StationCommandAdapters.For(OcppVersion.V201).Build(
            new SetVariablesArguments([new VariableWrite(Heartbeat, AttributeKind.Actual, new string('1', 1001))]), new StationCommandContext()));

    [Fact]
    public void OCPP_16_has_no_device_model_addressing() =>
        Should.Throw<StationCommandArgumentException>(() => StationCommandAdapters.For(OcppVersion.V16).Build(
                new SetVariablesArguments([new VariableWrite(Heartbeat, AttributeKind.Actual, "60")]), new StationCommandContext()))
            .Message.ShouldContain("OCPP 2.0.1 only");

    [Fact]
    public void The_answer_reads_each_result_with_its_address_status_and_reason()
    {
        var details = new JsonObject
        {
            ["status"] = "Rejected",
            ["setVariableResult"] = new JsonArray(
                new JsonObject
                {
                    ["attributeType"] = "MaxSet", ["attributeStatus"] = "Rejected",
                    ["attributeStatusInfo"] = new JsonObject { ["reasonCode"] = "OutOfRange", ["additionalInfo"] = "max 22000" },
                    ["component"] = new JsonObject { ["name"] = "EVSE", ["instance"] = "left", ["evse"] = new JsonObject { ["id"] = 2, ["connectorId"] = 1 } },
                    ["variable"] = new JsonObject { ["name"] = "Power", ["instance"] = "L1" },
                },
                new JsonObject
                {
                    ["attributeStatus"] = "SomethingNew", ["component"] = new JsonObject { ["name"] = "OCPPCommCtrlr" }, ["variable"] = new JsonObject { ["name"] = "HeartbeatInterval" },
                }),
        };

        var answer = VariablesAnswer.Read(details, "setVariableResult");

        answer.Results.ShouldBe([
            new VariableResult(Power, AttributeKind.MaxSet, VariableStatus.Rejected, "Rejected", null, "OutOfRange: max 22000"),
            new VariableResult(Heartbeat, AttributeKind.Actual, VariableStatus.Other, "SomethingNew", null, null),
        ]);
    }
}
