using System.Net;
using ChargePortal.Simulator;

namespace ChargePortal.Ocpp.Tests.Simulator;

public sealed class StationCommandTests : SimulatorTestBase
{
    [Theory]
    [InlineData("1.6")]
    [InlineData("2.0.1")]
    public async Task Reservation_holds_the_connector_for_its_id_tag_until_cancelled(string v)
    {
        var version = Parse(v);
        await StartStationAsync(version);
        var expires = Time.GetUtcNow().AddHours(1).ToString("O");

        var reserve = version == OcppVersion.V16
            ? await Csms.CallAsync("ReserveNow", $$"""{"connectorId":1,"expiryDate":"{{expires}}","idTag":"OWNER","reservationId":7}""")
            : await Csms.CallAsync("ReserveNow", $$$"""{"id":7,"evseId":1,"expiryDateTime":"{{{expires}}}","idToken":{"idToken":"OWNER","type":"ISO14443"}}""");
        reserve.GetProperty("status").GetString().ShouldBe("Accepted");
        Station.GetConnector(1).Status.ShouldBe(ConnectorStatus.Reserved);
        await Csms.WaitForAsync("StatusNotification", p => p.GetProperty(version == OcppVersion.V16 ? "status" : "connectorStatus").GetString() == "Reserved");

        (await Station.PresentCardAsync(1, "SOMEONE-ELSE", Ct)).ShouldBeFalse();
        Station.GetConnector(1).Transaction.ShouldBeNull();

        (await Station.PresentCardAsync(1, "OWNER", Ct)).ShouldBeTrue();
        Station.GetConnector(1).Transaction!.ReservationId.ShouldBe(7);
        (await Station.StopSessionAsync(1, StopReason.Local, Ct)).ShouldBeTrue();

        var occupiedStart = await Station.PresentCardAsync(2, "X", Ct);
        occupiedStart.ShouldBeTrue();
        var occupied = version == OcppVersion.V16
            ? await Csms.CallAsync("ReserveNow", $$"""{"connectorId":2,"expiryDate":"{{expires}}","idTag":"OWNER","reservationId":8}""")
            : await Csms.CallAsync("ReserveNow", $$$"""{"id":8,"evseId":2,"expiryDateTime":"{{{expires}}}","idToken":{"idToken":"OWNER","type":"ISO14443"}}""");
        occupied.GetProperty("status").GetString().ShouldBe("Occupied");

        (await Csms.CallAsync("ReserveNow", version == OcppVersion.V16
            ? $$"""{"connectorId":1,"expiryDate":"{{expires}}","idTag":"OWNER","reservationId":9}"""
            : $$$"""{"id":9,"evseId":1,"expiryDateTime":"{{{expires}}}","idToken":{"idToken":"OWNER","type":"ISO14443"}}""")).GetProperty("status").GetString().ShouldBe("Accepted");
        (await Csms.CallAsync("CancelReservation", """{"reservationId":9}""")).GetProperty("status").GetString().ShouldBe("Accepted");
        Station.GetConnector(1).Status.ShouldBe(ConnectorStatus.Available);
        (await Csms.CallAsync("CancelReservation", """{"reservationId":9}""")).GetProperty("status").GetString().ShouldBe("Rejected");
    }

    [Theory]
    [InlineData("1.6")]
    [InlineData("2.0.1")]
    public async Task Change_availability_makes_connectors_unavailable_and_back(string v)
    {
        var version = Parse(v);
        await StartStationAsync(version);
        var body = (bool operative) => version == OcppVersion.V16
            ? $$"""{"connectorId":2,"type":"{{(operative ? "Operative" : "Inoperative")}}"}"""
            : $$"""{"evse":{"id":2},"operationalStatus":"{{(operative ? "Operative" : "Inoperative")}}"}""";

        (await Csms.CallAsync("ChangeAvailability", body(false))).GetProperty("status").GetString().ShouldBe("Accepted");
        Station.GetConnector(2).Status.ShouldBe(ConnectorStatus.Unavailable);
        Station.GetConnector(1).Status.ShouldBe(ConnectorStatus.Available);
        (await Station.PresentCardAsync(2, "CARD", Ct)).ShouldBeFalse("an inoperative connector starts nothing");
        await Csms.WaitForAsync("StatusNotification", p => p.GetProperty(version == OcppVersion.V16 ? "status" : "connectorStatus").GetString() == "Unavailable");

        (await Csms.CallAsync("ChangeAvailability", body(true))).GetProperty("status").GetString().ShouldBe("Accepted");
        Station.GetConnector(2).Status.ShouldBe(ConnectorStatus.Available);
    }

    [Theory]
    [InlineData("1.6")]
    [InlineData("2.0.1")]
    public async Task Trigger_message_sends_the_requested_message_after_answering(string v)
    {
        var version = Parse(v);
        await StartStationAsync(version);
        var mark = Csms.Calls.Count - 1;

        var heartbeat = await Csms.CallAsync("TriggerMessage", """{"requestedMessage":"Heartbeat"}""");
        heartbeat.GetProperty("status").GetString().ShouldBe("Accepted");
        await Csms.WaitForAsync("Heartbeat", after: mark);

        var status = version == OcppVersion.V16
            ? await Csms.CallAsync("TriggerMessage", """{"requestedMessage":"StatusNotification","connectorId":2}""")
            : await Csms.CallAsync("TriggerMessage", """{"requestedMessage":"StatusNotification","evse":{"id":2}}""");
        status.GetProperty("status").GetString().ShouldBe("Accepted");
        var sent = await Csms.WaitForAsync("StatusNotification", after: mark);
        sent.Payload.GetProperty(version == OcppVersion.V16 ? "connectorId" : "evseId").GetInt32().ShouldBe(2);

        var boot = await Csms.CallAsync("TriggerMessage", """{"requestedMessage":"BootNotification"}""");
        boot.GetProperty("status").GetString().ShouldBe("Accepted");
        await Csms.WaitForAsync("BootNotification", after: mark);
    }

    [Theory]
    [InlineData("1.6")]
    [InlineData("2.0.1")]
    public async Task Local_list_clear_cache_data_transfer_and_unlock_are_answered(string v)
    {
        var version = Parse(v);
        await StartStationAsync(version);

        var send = version == OcppVersion.V16
            ? await Csms.CallAsync("SendLocalList", """{"listVersion":3,"updateType":"Full","localAuthorizationList":[{"idTag":"A","idTagInfo":{"status":"Accepted"}},{"idTag":"B","idTagInfo":{"status":"Blocked"}}]}""")
            : await Csms.CallAsync("SendLocalList", """{"versionNumber":3,"updateType":"Full","localAuthorizationList":[{"idToken":{"idToken":"A","type":"ISO14443"},"idTokenInfo":{"status":"Accepted"}},{"idToken":{"idToken":"B","type":"ISO14443"},"idTokenInfo":{"status":"Blocked"}}]}""");
        send.GetProperty("status").GetString().ShouldBe("Accepted");
        Station.LocalList["A"].ShouldBeTrue();
        Station.LocalList["B"].ShouldBeFalse();
        (await Csms.CallAsync("GetLocalListVersion", "{}")).GetProperty(version == OcppVersion.V16 ? "listVersion" : "versionNumber").GetInt32().ShouldBe(3);

        (await Csms.CallAsync("ClearCache", "{}")).GetProperty("status").GetString().ShouldBe("Accepted");
        var echo = await Csms.CallAsync("DataTransfer", """{"vendorId":"acme","messageId":"ping","data":"hello"}""");
        echo.GetProperty("status").GetString().ShouldBe("Accepted");
        echo.GetProperty("data").GetString().ShouldBe("hello");

        var unlock = version == OcppVersion.V16
            ? await Csms.CallAsync("UnlockConnector", """{"connectorId":1}""")
            : await Csms.CallAsync("UnlockConnector", """{"evseId":1,"connectorId":1}""");
        unlock.GetProperty("status").GetString().ShouldBe("Unlocked");
        Station.LastCommand!.Action.ShouldBe("UnlockConnector");
    }

    [Theory]
    [InlineData("1.6")]
    [InlineData("2.0.1")]
    public async Task Meter_value_sample_interval_change_takes_effect(string v)
    {
        var version = Parse(v);
        await StartStationAsync(version);
        (await Station.PresentCardAsync(1, "CARD", Ct)).ShouldBeTrue();
        var startedAt = Time.GetUtcNow();

        var answer = version == OcppVersion.V16
            ? (await Csms.CallAsync("ChangeConfiguration", """{"key":"MeterValueSampleInterval","value":"15"}""")).GetProperty("status").GetString()
            : (await Csms.CallAsync("SetVariables", """{"setVariableData":[{"attributeValue":"15","component":{"name":"SampledDataCtrlr"},"variable":{"name":"TxUpdatedInterval"}}]}"""))
                .GetProperty("setVariableResult")[0].GetProperty("attributeStatus").GetString();
        answer.ShouldBe("Accepted");

        var action = version == OcppVersion.V16 ? "MeterValues" : "TransactionEvent";
        bool IsSample(System.Text.Json.JsonElement p) => version == OcppVersion.V16 || p.GetProperty("eventType").GetString() == "Updated";
        var first = await Csms.WaitForAsync(action, IsSample, step: TimeSpan.FromSeconds(1));
        var second = await Csms.WaitForAsync(action, IsSample, after: first.Index, step: TimeSpan.FromSeconds(1));
        // The clock is stepped while waiting, so a sample may land a step or two after it fell due; the old interval was 60 s.
        (Stamp(first) - startedAt).ShouldBeInRange(TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(20));
        (Stamp(second) - Stamp(first)).ShouldBeInRange(TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(20));

        DateTimeOffset Stamp(ReceivedCall call) => (version == OcppVersion.V16 ? call.Payload.GetProperty("meterValue")[0] : call.Payload)
            .GetProperty("timestamp").GetDateTimeOffset();
    }

    [Fact]
    public async Task Base_report_is_accepted_and_followed_by_notify_report_with_the_store()
    {
        await StartStationAsync(OcppVersion.V201);

        (await Csms.CallAsync("GetBaseReport", """{"requestId":4,"reportBase":"FullInventory"}""")).GetProperty("status").GetString().ShouldBe("Accepted");

        var report = await Csms.WaitForAsync("NotifyReport");
        report.Payload.GetProperty("requestId").GetInt32().ShouldBe(4);
        var heartbeat = report.Payload.GetProperty("reportData").EnumerateArray()
            .Single(r => r.GetProperty("component").GetProperty("name").GetString() == "OCPPCommCtrlr" && r.GetProperty("variable").GetProperty("name").GetString() == "HeartbeatInterval");
        heartbeat.GetProperty("variableAttribute")[0].GetProperty("value").GetString().ShouldBe("60");
    }

    [Theory]
    [InlineData("1.6", "DiagnosticsStatusNotification", "UploadFailed")]
    [InlineData("2.0.1", "LogStatusNotification", "UploadFailure")]
    public async Task Diagnostics_are_uploaded_with_put_falling_back_to_post_and_failures_are_reported(string v, string notification, string failed)
    {
        var version = Parse(v);
        var handler = new RecordingHandler(request => request.Method == HttpMethod.Put ? HttpStatusCode.MethodNotAllowed : HttpStatusCode.Created);
        using var http = new HttpClient(handler);
        await StartStationAsync(version, http: http);

        var answer = version == OcppVersion.V16
            ? await Csms.CallAsync("GetDiagnostics", """{"location":"http://csms.test/uploads/"}""")
            : await Csms.CallAsync("GetLog", """{"logType":"DiagnosticsLog","requestId":3,"log":{"remoteLocation":"http://csms.test/uploads/"}}""");
        var fileName = answer.GetProperty(version == OcppVersion.V16 ? "fileName" : "filename").GetString()!;
        fileName.ShouldStartWith("SIM-T1-diagnostics-");

        await Csms.WaitForAsync(notification, p => p.GetProperty("status").GetString() == "Uploaded");
        Csms.CallsOf(notification).Select(c => c.Payload.GetProperty("status").GetString()).ShouldBe(["Uploading", "Uploaded"]);
        handler.Requests.Select(r => r.Method).ShouldBe([HttpMethod.Put, HttpMethod.Post]);
        handler.Requests[1].Uri.ShouldBe(new Uri($"http://csms.test/uploads/{fileName}"));
        handler.Requests[1].Body.ShouldContain("SIM-T1");

        handler.Respond = _ => HttpStatusCode.InternalServerError;
        var mark = Csms.Calls.Count - 1;
        await Csms.CallAsync(version == OcppVersion.V16 ? "GetDiagnostics" : "GetLog", version == OcppVersion.V16
            ? """{"location":"http://csms.test/uploads/"}"""
            : """{"logType":"DiagnosticsLog","requestId":4,"log":{"remoteLocation":"http://csms.test/uploads/"}}""");
        await Csms.WaitForAsync(notification, p => p.GetProperty("status").GetString() == failed, after: mark);
    }

    [Fact]
    public async Task A_station_refuses_a_connection_where_the_csms_chose_another_subprotocol()
    {
        Csms.Transport.SelectSubprotocol = _ => "ocpp2.0.1";
        await StartStationAsync(OcppVersion.V16, waitForBoot: false);

        await WaitUntilAsync(() => Csms.Transport.ConnectAttempts >= 1, "a connection attempt");
        Station.ConnectionState.ShouldNotBe(ChargePointConnectionState.Ready);
        Csms.Connections.ShouldBe(0);

        Csms.Transport.SelectSubprotocol = r => r.Version.Subprotocol();
        Time.Advance(TimeSpan.FromSeconds(2));
        await Csms.WaitForAsync("BootNotification", step: TimeSpan.FromSeconds(1));
    }

    private sealed class RecordingHandler(Func<HttpRequestMessage, HttpStatusCode> respond) : HttpMessageHandler
    {
        public Func<HttpRequestMessage, HttpStatusCode> Respond { get; set; } = respond;

        public List<(HttpMethod Method, Uri Uri, string Body)> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            lock (Requests)
            {
                Requests.Add((request.Method, request.RequestUri!, body));
            }

            return new HttpResponseMessage(Respond(request));
        }
    }
}
