using System.Text.Json;
using ChargePortal.Ocpp.Rpc;

namespace ChargePortal.Ocpp.Tests;

public class OcppFrameParserTests
{
    [Fact]
    public void Parses_call()
    {
        var result = OcppFrameParser.Parse("""[2,"19223201","BootNotification",{"chargePointVendor":"VendorX","chargePointModel":"SingleSocketCharger"}]""", OcppVersion.V16);

        result.IsSuccess.ShouldBeTrue();
        var call = result.Frame.ShouldBeOfType<OcppCall>();
        call.MessageId.ShouldBe("19223201");
        call.Action.ShouldBe("BootNotification");
        call.Payload.GetProperty("chargePointModel").GetString().ShouldBe("SingleSocketCharger");
    }

    [Fact]
    public void Parses_call_result()
    {
        var result = OcppFrameParser.Parse("""[3,"19223201",{"currentTime":"2013-02-01T20:53:32.486Z","interval":300,"status":"Accepted"}]""", OcppVersion.V16);

        var frame = result.Frame.ShouldBeOfType<OcppCallResult>();
        frame.MessageId.ShouldBe("19223201");
        frame.Payload.GetProperty("interval").GetInt32().ShouldBe(300);
    }

    [Fact]
    public void Parses_call_error_in_either_spelling()
    {
        var result = OcppFrameParser.Parse("""[4,"162376037","OccurenceConstraintViolation","missing idTag",{"path":"$.idTag"}]""", OcppVersion.V16);

        var frame = result.Frame.ShouldBeOfType<OcppCallError>();
        frame.WireErrorCode.ShouldBe("OccurenceConstraintViolation");
        frame.ErrorCode.ShouldBe(OcppErrorCode.OccurrenceConstraintViolation);
        frame.Description.ShouldBe("missing idTag");
        frame.Details.GetProperty("path").GetString().ShouldBe("$.idTag");
    }

    public static TheoryData<string, OcppVersion, OcppErrorCode, int?, string?> Malformed => new()
    {
        // not JSON
        { "[2,\"1\",\"Heartbeat\",{", OcppVersion.V16, OcppErrorCode.FormationViolation, null, null },
        { "[2,\"1\",\"Heartbeat\",{", OcppVersion.V201, OcppErrorCode.RpcFrameworkError, null, null },
        { "hello", OcppVersion.V16, OcppErrorCode.FormationViolation, null, null },
        { "", OcppVersion.V201, OcppErrorCode.RpcFrameworkError, null, null },
        // not an array
        { """{"a":1}""", OcppVersion.V16, OcppErrorCode.FormationViolation, null, null },
        { "42", OcppVersion.V201, OcppErrorCode.RpcFrameworkError, null, null },
        // message type id missing or not an integer
        { "[]", OcppVersion.V16, OcppErrorCode.FormationViolation, null, null },
        { """["2","1","Heartbeat",{}]""", OcppVersion.V201, OcppErrorCode.RpcFrameworkError, null, null },
        { """[2.5,"1","Heartbeat",{}]""", OcppVersion.V16, OcppErrorCode.FormationViolation, null, null },
        // message id not a string
        { """[2,1,"Heartbeat",{}]""", OcppVersion.V16, OcppErrorCode.FormationViolation, 2, null },
        { """[2]""", OcppVersion.V201, OcppErrorCode.RpcFrameworkError, 2, null },
        // wrong element count: the id is still reported
        { """[2,"abc","Heartbeat"]""", OcppVersion.V16, OcppErrorCode.FormationViolation, 2, "abc" },
        { """[2,"abc","Heartbeat",{},{}]""", OcppVersion.V201, OcppErrorCode.RpcFrameworkError, 2, "abc" },
        { """[3,"abc"]""", OcppVersion.V16, OcppErrorCode.FormationViolation, 3, "abc" },
        { """[4,"abc","GenericError","x"]""", OcppVersion.V201, OcppErrorCode.RpcFrameworkError, 4, "abc" },
        // wrong element types
        { """[2,"abc",7,{}]""", OcppVersion.V16, OcppErrorCode.FormationViolation, 2, "abc" },
        { """[2,"abc","Heartbeat",[]]""", OcppVersion.V16, OcppErrorCode.FormationViolation, 2, "abc" },
        { """[2,"abc","Heartbeat","{}"]""", OcppVersion.V201, OcppErrorCode.FormationViolation, 2, "abc" },
        { """[3,"abc",null]""", OcppVersion.V201, OcppErrorCode.FormationViolation, 3, "abc" },
        { """[4,"abc",1,"x",{}]""", OcppVersion.V16, OcppErrorCode.FormationViolation, 4, "abc" },
        // unknown message type id
        { """[5,"abc","Heartbeat",{}]""", OcppVersion.V16, OcppErrorCode.ProtocolError, 5, "abc" },
        { """[5,"abc","Heartbeat",{}]""", OcppVersion.V201, OcppErrorCode.MessageTypeNotSupported, 5, "abc" },
        // message id too long (37 chars) or empty
        { """[2,"0123456789012345678901234567890123456","Heartbeat",{}]""", OcppVersion.V16, OcppErrorCode.FormationViolation, 2, "0123456789012345678901234567890123456" },
        { """[2,"","Heartbeat",{}]""", OcppVersion.V201, OcppErrorCode.RpcFrameworkError, 2, "" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_frames_report_the_version_error_and_the_readable_id(string text, OcppVersion version, OcppErrorCode expected, int? typeId, string? messageId)
    {
        var result = OcppFrameParser.Parse(text, version);

        result.IsSuccess.ShouldBeFalse();
        result.ErrorCode.ShouldBe(expected);
        result.ErrorDescription.ShouldNotBeNullOrWhiteSpace();
        result.MessageTypeId.ShouldBe(typeId);
        result.MessageId.ShouldBe(messageId);
    }

    [Fact]
    public void Invalid_utf8_is_a_failure_not_an_exception()
    {
        var result = OcppFrameParser.Parse(new byte[] { 0x5B, 0x32, 0x2C, 0xFF, 0xFE, 0x5D }, OcppVersion.V16);
        result.IsSuccess.ShouldBeFalse();
    }

    [Fact]
    public void Message_id_of_exactly_36_characters_is_accepted()
    {
        var id = Guid.NewGuid().ToString("D");
        id.Length.ShouldBe(36);
        OcppFrameParser.Parse($"[2,\"{id}\",\"Heartbeat\",{{}}]", OcppVersion.V201).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public void Writer_output_parses_back_to_the_same_frames()
    {
        using var payload = JsonDocument.Parse("""{"idTag":"ABC"}""");
        OcppFrame[] frames =
        [
            new OcppCall("m1", "Authorize", payload.RootElement.Clone()),
            new OcppCallResult("m1", payload.RootElement.Clone()),
            OcppCallError.Create(OcppVersion.V16, "m1", OcppErrorCode.OccurrenceConstraintViolation, "missing"),
        ];

        foreach (var frame in frames)
        {
            var text = OcppFrameWriter.WriteString(frame);
            var parsed = OcppFrameParser.Parse(text, OcppVersion.V16);
            parsed.IsSuccess.ShouldBeTrue(text);
            OcppFrameWriter.WriteString(parsed.Frame).ShouldBe(text);
        }

        OcppFrameWriter.WriteString(frames[2]).ShouldBe("""[4,"m1","OccurenceConstraintViolation","missing",{}]""");
        OcppFrameWriter.WriteString(frames[0]).ShouldBe("""[2,"m1","Authorize",{"idTag":"ABC"}]""");
    }
}
