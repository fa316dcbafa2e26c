using System.Text.Json.Nodes;
using ChargePortal.Web.Tests.Infrastructure;

namespace ChargePortal.Web.Tests.Ocpp;

/// <summary>Every malformed frame is answered as the spec says and the connection keeps serving.</summary>
public sealed class MalformedFrameTests(KestrelChargePortalFactory factory) : IClassFixture<KestrelChargePortalFactory>
{
    public static TheoryData<string, string, string, string> Frames => new()
    {
        // version, frame, message id, expected error code
        { "ocpp1.6", """[2,"w1"]""", "w1", "FormationViolation" },
        { "ocpp2.0.1", """[2,"w1"]""", "w1", "RpcFrameworkError" },
        { "ocpp1.6", """[2,"u1","NoSuchAction",{}]""", "u1", "NotImplemented" },
        { "ocpp2.0.1", """[2,"u1","NoSuchAction",{}]""", "u1", "NotImplemented" },
        { "ocpp1.6", """[2,"m1","BootNotification",{"chargePointVendor":"V"}]""", "m1", "OccurenceConstraintViolation" },
        { "ocpp2.0.1", """[2,"m1","BootNotification",{"reason":"PowerUp"}]""", "m1", "OccurrenceConstraintViolation" },
        { "ocpp1.6", """[2,"t1","StatusNotification",{"connectorId":"one","errorCode":"NoError","status":"Available"}]""", "t1", "TypeConstraintViolation" },
        { "ocpp2.0.1", """[2,"t1","Heartbeat",[]]""", "t1", "FormatViolation" },
        { "ocpp1.6", """[2,"x1","Heartbeat",{"extra":1}]""", "x1", "FormationViolation" },
        { "ocpp2.0.1", """[2,"x1","Heartbeat",{"extra":1}]""", "x1", "FormatViolation" },
        { "ocpp1.6", """[2,"e1","StatusNotification",{"connectorId":1,"errorCode":"NoError","status":"Sleeping"}]""", "e1", "PropertyConstraintViolation" },
    };

    [Theory]
    [MemberData(nameof(Frames))]
    public async Task Malformed_call_gets_the_specs_error_and_the_connection_keeps_serving(string version, string frame, string messageId, string code)
    {
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, "BAD-" + version + "-" + messageId, [version]);
        await cp.SendTextAsync(frame);
        var error = await cp.ExpectAnswerAsync(messageId);
        ((int)error[0]!).ShouldBe(4);
        ((string?)error[2]).ShouldBe(code);
        ((string?)error[3]).ShouldNotBeNullOrWhiteSpace();

        (await cp.CallOkAsync("Heartbeat", new JsonObject())).ContainsKey("currentTime").ShouldBeTrue();
    }

    [Theory]
    [InlineData("ocpp1.6")]
    [InlineData("ocpp2.0.1")]
    public async Task Not_json_does_not_break_the_connection(string version)
    {
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, "NOTJSON-" + version, [version]);
        await cp.SendTextAsync("this is { not json");
        await cp.SendTextAsync("[9,\"q\",\"Heartbeat\",{}]");
        (await cp.CallOkAsync("Heartbeat", new JsonObject())).ContainsKey("currentTime").ShouldBeTrue();
    }

    [Theory]
    [InlineData("ocpp1.6", "FormationViolation")]
    [InlineData("ocpp2.0.1", "FormatViolation")]
    public async Task Huge_frame_is_refused_cleanly(string version, string code)
    {
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, "HUGE-" + version, [version]);
        var huge = "[2,\"big1\",\"DataTransfer\",{\"vendorId\":\"v\",\"data\":\"" + new string('x', 300_000) + "\"}]";
        await cp.SendTextAsync(huge);
        var error = await cp.ExpectAnswerAsync("big1");
        ((string?)error[2]).ShouldBe(code);
        ((string?)error[3])!.ShouldContain("limit");
        (await cp.CallOkAsync("Heartbeat", new JsonObject())).ContainsKey("currentTime").ShouldBeTrue();
    }
}
