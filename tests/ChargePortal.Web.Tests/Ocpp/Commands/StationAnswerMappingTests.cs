using System.Text.Json.Nodes;
using ChargePortal.Ocpp;
using ChargePortal.Ocpp.Validation;
using ChargePortal.Web.Ocpp.Commands;
using static ChargePortal.Web.Tests.Ocpp.Commands.CommandTestSupport;

namespace ChargePortal.Web.Tests.Ocpp.Commands;

/// <summary>
/// CALLRESULT → HTTP answer: the station's fields as sent, plus action, a guaranteed status and the neutral
/// configuration / listVersion fields. Every sample response is itself checked against the OCA schema.
/// </summary>
public sealed class StationAnswerMappingTests
{
    /// <summary>version, command, body, station response, expected "path=JSON" entries in the answer.</summary>
    public static TheoryData<string, string, string, string, string[]> Cases { get; } = new()
    {
        // Status passthrough, with whatever else the station said.
        { "1.6", "reset", """{"type":"Hard"}""", """{"status":"Rejected"}""", ["action=\"Reset\"", "status=\"Rejected\""] },
        { "2.0.1", "reset", """{"type":"Hard"}""", """{"status":"Scheduled","statusInfo":{"reasonCode":"TxInProgress"}}""", ["action=\"Reset\"", "status=\"Scheduled\"", "statusInfo={\"reasonCode\":\"TxInProgress\"}"] },
        { "2.0.1", "remote-start", """{"idTag":"RFID1"}""", """{"status":"Accepted","transactionId":"tx-9"}""", ["status=\"Accepted\"", "transactionId=\"tx-9\""] },
        { "1.6", "data-transfer", """{"vendorId":"com.example"}""", """{"status":"Accepted","data":"pong"}""", ["status=\"Accepted\"", "data=\"pong\""] },
        { "2.0.1", "data-transfer", """{"vendorId":"com.example"}""", """{"status":"UnknownVendorId","data":{"why":"nope"}}""", ["status=\"UnknownVendorId\"", "data={\"why\":\"nope\"}"] },
        { "1.6", "get-composite-schedule", """{"connectorId":1,"durationSeconds":60}""", """{"status":"Accepted","connectorId":1,"scheduleStart":"2030-01-01T00:00:00Z","chargingSchedule":{"chargingRateUnit":"W","chargingSchedulePeriod":[{"startPeriod":0,"limit":7400}]}}""", ["status=\"Accepted\"", "connectorId=1", "chargingSchedule.chargingSchedulePeriod[0].limit=7400"] },
        { "2.0.1", "get-composite-schedule", """{"connectorId":1,"durationSeconds":60}""", """{"status":"Accepted","schedule":{"evseId":1,"duration":60,"scheduleStart":"2030-01-01T00:00:00Z","chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":16}]}}""", ["status=\"Accepted\"", "schedule.chargingSchedulePeriod[0].limit=16"] },
        { "2.0.1", "get-diagnostics", "{}", """{"status":"Accepted","filename":"diag.zip"}""", ["action=\"GetLog\"", "status=\"Accepted\"", "filename=\"diag.zip\""] },

        // Responses without a status: the station answered, so Accepted.
        { "1.6", "update-firmware", """{"location":"https://fw.example/a.bin","retrieveAt":"2030-01-01T00:00:00Z"}""", "{}", ["action=\"UpdateFirmware\"", "status=\"Accepted\""] },
        { "1.6", "get-diagnostics", "{}", """{"fileName":"diag.zip"}""", ["status=\"Accepted\"", "fileName=\"diag.zip\""] },
        { "1.6", "get-local-list-version", "{}", """{"listVersion":5}""", ["status=\"Accepted\"", "listVersion=5"] },
        { "2.0.1", "get-local-list-version", "{}", """{"versionNumber":5}""", ["status=\"Accepted\"", "listVersion=5", "versionNumber=5"] },

        // 1.6 GetConfiguration: neutral list, derived status, raw fields kept.
        {
            "1.6", "get-configuration", "{}",
            """{"configurationKey":[{"key":"HeartbeatInterval","readonly":false,"value":"300"},{"key":"ChargePointModel","readonly":true}],"unknownKey":["Foo"]}""",
            ["status=\"Accepted\"", "configuration[0]={\"key\":\"HeartbeatInterval\",\"value\":\"300\",\"readonly\":false}", "configuration[1]={\"key\":\"ChargePointModel\",\"value\":null,\"readonly\":true}", "unknownKeys=[\"Foo\"]", "configurationKey[0].value=\"300\""]
        },
        { "1.6", "get-configuration", "{}", "{}", ["status=\"Accepted\"", "configuration=[]", "unknownKeys=[]"] },

        // 2.0.1 GetVariables: Accepted only when every result is; unknown components/variables listed as unknownKeys.
        {
            "2.0.1", "get-configuration", """{"keys":["OCPPCommCtrlr.HeartbeatInterval"]}""",
            """{"getVariableResult":[{"attributeStatus":"Accepted","attributeValue":"300","component":{"name":"OCPPCommCtrlr"},"variable":{"name":"HeartbeatInterval"}}]}""",
            ["status=\"Accepted\"", "configuration=[{\"key\":\"OCPPCommCtrlr.HeartbeatInterval\",\"value\":\"300\",\"readonly\":null}]", "unknownKeys=[]", "getVariableResult[0].attributeValue=\"300\""]
        },
        {
            "2.0.1", "get-configuration", """{"keys":["OCPPCommCtrlr.HeartbeatInterval","Foo.Bar","AuthCtrlr.Secret"]}""",
            """{"getVariableResult":[{"attributeStatus":"Accepted","attributeValue":"300","component":{"name":"OCPPCommCtrlr"},"variable":{"name":"HeartbeatInterval"}},{"attributeStatus":"UnknownComponent","component":{"name":"Foo"},"variable":{"name":"Bar"}},{"attributeStatus":"Rejected","component":{"name":"AuthCtrlr"},"variable":{"name":"Secret"}}]}""",
            ["status=\"UnknownComponent\"", "configuration[0].key=\"OCPPCommCtrlr.HeartbeatInterval\"", "configuration[1]=<absent>", "unknownKeys=[\"Foo.Bar\"]"]
        },

        // 2.0.1 SetVariables: status from the result.
        {
            "2.0.1", "set-configuration", """{"key":"OCPPCommCtrlr.HeartbeatInterval","value":"120"}""",
            """{"setVariableResult":[{"attributeStatus":"RebootRequired","component":{"name":"OCPPCommCtrlr"},"variable":{"name":"HeartbeatInterval"}}]}""",
            ["action=\"SetVariables\"", "status=\"RebootRequired\"", "setVariableResult[0].attributeStatus=\"RebootRequired\""]
        },
        {
            "2.0.1", "set-configuration", """{"key":"OCPPCommCtrlr.HeartbeatInterval","value":"120"}""",
            """{"setVariableResult":[{"attributeStatus":"Accepted","component":{"name":"OCPPCommCtrlr"},"variable":{"name":"HeartbeatInterval"}}]}""",
            ["status=\"Accepted\""]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Answer_keeps_the_station_fields_and_adds_neutral_ones(string version, string command, string body, string response, string[] expectations)
    {
        var call = Build(version, command, body);
        var sample = Json(response);
        var sampleValidation = OcppSchemaValidator.Validate(Version(version), call.Action, OcppMessageKind.Response, sample);
        sampleValidation.IsValid.ShouldBeTrue($"test sample: {sampleValidation.Description}");

        var answer = StationCommandAdapters.For(Version(version)).MapAnswer(call, sample);

        var json = Json(answer.ToJsonString());
        foreach (var expectation in expectations)
        {
            var separator = expectation.IndexOf('=', StringComparison.Ordinal);
            var (path, expected) = (expectation[..separator], expectation[(separator + 1)..]);
            var actual = At(json, path);
            if (expected == "<absent>")
            {
                actual.ShouldBeNull($"{path} in {json.GetRawText()}");
            }
            else
            {
                actual.ShouldNotBeNull($"{path} in {json.GetRawText()}");
                actual.Value.GetRawText().ShouldBe(expected, $"{path} in {json.GetRawText()}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_answer_has_action_and_status_first(string version, string command, string body, string response, string[] expectations)
    {
        _ = expectations;
        var call = Build(version, command, body);

        var answer = StationCommandAdapters.For(Version(version)).MapAnswer(call, Json(response));

        answer.Select(p => p.Key).Take(2).ShouldBe(["action", "status"]);
        answer["status"].ShouldBeAssignableTo<JsonValue>()!.GetValue<string>().ShouldNotBeNullOrEmpty();
    }
}
