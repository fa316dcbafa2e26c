using ChargePortal.Simulator;

namespace ChargePortal.Ocpp.Tests.Simulator;

public sealed class SimulatedChargePointTests : SimulatorTestBase
{
    private static readonly TimeSpan Minute = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("1.6")]
    [InlineData("2.0.1")]
    public async Task Boot_is_followed_by_status_of_every_connector_and_heartbeats_at_the_given_interval(string v)
    {
        var version = Parse(v);
        Csms.Responses["BootNotification"] = _ => $$"""{"status":"Accepted","currentTime":"{{Time.GetUtcNow():O}}","interval":120}""";
        await StartStationAsync(version);

        var boot = Csms.CallsOf("BootNotification").ShouldHaveSingleItem();
        Station.HeartbeatInterval.ShouldBe(TimeSpan.FromSeconds(120));
        var statuses = Csms.CallsOf("StatusNotification");
        statuses.ShouldAllBe(s => s.Index > boot.Index);
        if (version == OcppVersion.V16)
        {
            statuses.Select(s => s.Payload.GetProperty("connectorId").GetInt32()).ShouldBe([0, 1, 2]);
            statuses.ShouldAllBe(s => s.Payload.GetProperty("status").GetString() == "Available");
        }
        else
        {
            statuses.Select(s => (s.Payload.GetProperty("evseId").GetInt32(), s.Payload.GetProperty("connectorId").GetInt32())).ShouldBe([(1, 1), (2, 1)]);
            statuses.ShouldAllBe(s => s.Payload.GetProperty("connectorStatus").GetString() == "Available");
            boot.Payload.GetProperty("reason").GetString().ShouldBe("PowerUp");
        }

        var first = await Csms.WaitForAsync("Heartbeat", step: TimeSpan.FromSeconds(5));
        (first.At - boot.At).ShouldBeInRange(TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(125));
        var second = await Csms.WaitForAsync("Heartbeat", after: first.Index, step: TimeSpan.FromSeconds(5));
        (second.At - first.At).ShouldBeInRange(TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(125));
        Station.ConnectionState.ShouldBe(ChargePointConnectionState.Ready);
    }

    [Theory]
    [InlineData("1.6")]
    [InlineData("2.0.1")]
    public async Task Pending_boot_is_retried_after_the_given_interval(string v)
    {
        var boots = 0;
        Csms.Responses["BootNotification"] = _ => Interlocked.Increment(ref boots) == 1
            ? $$"""{"status":"Pending","currentTime":"{{Time.GetUtcNow():O}}","interval":30}"""
            : $$"""{"status":"Accepted","currentTime":"{{Time.GetUtcNow():O}}","interval":60}""";
        await StartStationAsync(Parse(v), waitForBoot: false);

        var first = await Csms.WaitForAsync("BootNotification");
        Csms.CallsOf("StatusNotification").ShouldBeEmpty("nothing but boot goes out while Pending");
        var second = await Csms.WaitForAsync("BootNotification", after: first.Index, step: TimeSpan.FromSeconds(1));

        (second.At - first.At).ShouldBeInRange(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(35)); // stepped clock: a step or two of lag
        await Station.WaitUntilReadyAsync(Ct).WaitAsync(TimeSpan.FromSeconds(15), Ct);
        Station.RegistrationStatus.ShouldBe("Accepted");
        await Csms.WaitForAsync("StatusNotification", after: second.Index);
    }

    [Theory]
    [InlineData("1.6")]
    [InlineData("2.0.1")]
    public async Task Card_swipe_authorizes_starts_meters_and_stops_with_the_right_meter_stop(string v)
    {
        var version = Parse(v);
        await StartStationAsync(version);
        var mark = Csms.Calls.Count - 1;

        (await Station.PresentCardAsync(1, "CARD-1", Ct)).ShouldBeTrue();

        var authorize = await Csms.WaitForAsync("Authorize", after: mark);
        var start = version == OcppVersion.V16
            ? await Csms.WaitForAsync("StartTransaction", after: authorize.Index)
            : await Csms.WaitForAsync("TransactionEvent", p => p.GetProperty("eventType").GetString() == "Started", after: authorize.Index);
        int meterStart;
        if (version == OcppVersion.V16)
        {
            authorize.Payload.GetProperty("idTag").GetString().ShouldBe("CARD-1");
            start.Payload.GetProperty("connectorId").GetInt32().ShouldBe(1);
            start.Payload.GetProperty("idTag").GetString().ShouldBe("CARD-1");
            meterStart = start.Payload.GetProperty("meterStart").GetInt32();
            await WaitUntilAsync(() => Station.GetConnector(1).Transaction?.TransactionId == "101", "the CSMS's transaction id is adopted");
        }
        else
        {
            authorize.Payload.GetProperty("idToken").GetProperty("idToken").GetString().ShouldBe("CARD-1");
            start.Payload.GetProperty("seqNo").GetInt32().ShouldBe(0);
            start.Payload.GetProperty("triggerReason").GetString().ShouldBe("Authorized");
            start.Payload.GetProperty("idToken").GetProperty("idToken").GetString().ShouldBe("CARD-1");
            start.Payload.GetProperty("evse").GetProperty("id").GetInt32().ShouldBe(1);
            start.Payload.GetProperty("transactionInfo").GetProperty("transactionId").GetString().ShouldBe(Station.GetConnector(1).Transaction!.TransactionId);
            meterStart = (int)Sampled(start.Payload, "Energy.Active.Import.Register");
        }

        await AssertStatusesAsync(version, mark, version == OcppVersion.V16 ? ["Preparing", "Charging"] : ["Occupied"]);

        Time.Advance(Minute);
        var first = await Csms.WaitForAsync(MeterAction(version), p => IsMeter(version, p), after: start.Index);
        Time.Advance(Minute);
        var second = await Csms.WaitForAsync(MeterAction(version), p => IsMeter(version, p), after: first.Index);

        var e1 = Sampled(first.Payload, "Energy.Active.Import.Register");
        var e2 = Sampled(second.Payload, "Energy.Active.Import.Register");
        Sampled(first.Payload, "Power.Active.Import").ShouldBe(22_000m);
        e1.ShouldBe(meterStart + 367m); // 22 kW for one minute ≈ 366.7 Wh
        e2.ShouldBe(meterStart + 733m);
        if (version == OcppVersion.V201)
        {
            first.Payload.GetProperty("seqNo").GetInt32().ShouldBe(1);
            second.Payload.GetProperty("seqNo").GetInt32().ShouldBe(2);
        }

        Time.Advance(TimeSpan.FromSeconds(30));
        (await Station.StopSessionAsync(1, StopReason.Local, Ct)).ShouldBeTrue();

        var stop = version == OcppVersion.V16
            ? await Csms.WaitForAsync("StopTransaction", after: second.Index)
            : await Csms.WaitForAsync("TransactionEvent", p => p.GetProperty("eventType").GetString() == "Ended", after: second.Index);
        if (version == OcppVersion.V16)
        {
            stop.Payload.GetProperty("meterStop").GetInt32().ShouldBe(meterStart + 917); // 90 s at 22 kW = 550 Wh… plus the first 60 s
            stop.Payload.GetProperty("transactionId").GetInt32().ShouldBe(101);
            stop.Payload.GetProperty("reason").GetString().ShouldBe("Local");
            stop.Payload.GetProperty("transactionData").GetArrayLength().ShouldBe(2);
        }
        else
        {
            Sampled(stop.Payload, "Energy.Active.Import.Register").ShouldBe(meterStart + 917m);
            stop.Payload.GetProperty("transactionInfo").GetProperty("stoppedReason").GetString().ShouldBe("Local");
            stop.Payload.GetProperty("seqNo").GetInt32().ShouldBe(3);
        }

        await AssertStatusesAsync(version, stop.Index, version == OcppVersion.V16 ? ["Finishing", "Available"] : ["Available"]);
        Station.GetConnector(1).Transaction.ShouldBeNull();
        Station.GetConnector(1).Status.ShouldBe(ConnectorStatus.Available);
    }

    [Theory]
    [InlineData("1.6")]
    [InlineData("2.0.1")]
    public async Task Rejected_card_starts_nothing(string v)
    {
        var version = Parse(v);
        Csms.Responses["Authorize"] = _ => version == OcppVersion.V16 ? """{"idTagInfo":{"status":"Blocked"}}""" : """{"idTokenInfo":{"status":"Blocked"}}""";
        await StartStationAsync(version);

        (await Station.PresentCardAsync(1, "BAD", Ct)).ShouldBeFalse();

        Station.GetConnector(1).Transaction.ShouldBeNull();
        Csms.CallsOf(version == OcppVersion.V16 ? "StartTransaction" : "TransactionEvent").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("1.6")]
    [InlineData("2.0.1")]
    public async Task Remote_start_really_starts_and_remote_stop_really_stops(string v)
    {
        var version = Parse(v);
        await StartStationAsync(version);
        var mark = Csms.Calls.Count - 1;

        string transactionId;
        if (version == OcppVersion.V16)
        {
            var answer = await Csms.CallAsync("RemoteStartTransaction", """{"connectorId":2,"idTag":"APP-7"}""");
            answer.GetProperty("status").GetString().ShouldBe("Accepted");
            var start = await Csms.WaitForAsync("StartTransaction", after: mark);
            start.Payload.GetProperty("connectorId").GetInt32().ShouldBe(2);
            start.Payload.GetProperty("idTag").GetString().ShouldBe("APP-7");
            transactionId = "101";
        }
        else
        {
            var answer = await Csms.CallAsync("RequestStartTransaction", """{"evseId":2,"remoteStartId":42,"idToken":{"idToken":"APP-7","type":"Central"}}""");
            answer.GetProperty("status").GetString().ShouldBe("Accepted");
            transactionId = answer.GetProperty("transactionId").GetString()!;
            var start = await Csms.WaitForAsync("TransactionEvent", p => p.GetProperty("eventType").GetString() == "Started", after: mark);
            start.Payload.GetProperty("triggerReason").GetString().ShouldBe("RemoteStart");
            start.Payload.GetProperty("transactionInfo").GetProperty("remoteStartId").GetInt32().ShouldBe(42);
            start.Payload.GetProperty("transactionInfo").GetProperty("transactionId").GetString().ShouldBe(transactionId);
            start.Payload.GetProperty("evse").GetProperty("id").GetInt32().ShouldBe(2);
        }

        await WaitUntilAsync(() => Station.GetConnector(2).Transaction?.TransactionId == transactionId, "the session runs on connector 2");
        Station.GetConnector(2).Status.ShouldBe(ConnectorStatus.Charging);

        var stopAction = version == OcppVersion.V16 ? "RemoteStopTransaction" : "RequestStopTransaction";
        var unknown = version == OcppVersion.V16 ? """{"transactionId":999}""" : """{"transactionId":"nope"}""";
        (await Csms.CallAsync(stopAction, unknown)).GetProperty("status").GetString().ShouldBe("Rejected");
        Station.GetConnector(2).Transaction.ShouldNotBeNull();

        var known = version == OcppVersion.V16 ? $$"""{"transactionId":{{transactionId}}}""" : $$"""{"transactionId":"{{transactionId}}"}""";
        (await Csms.CallAsync(stopAction, known)).GetProperty("status").GetString().ShouldBe("Accepted");
        if (version == OcppVersion.V16)
        {
            var stop = await Csms.WaitForAsync("StopTransaction");
            stop.Payload.GetProperty("reason").GetString().ShouldBe("Remote");
            stop.Payload.GetProperty("transactionId").GetInt32().ShouldBe(101);
        }
        else
        {
            var stop = await Csms.WaitForAsync("TransactionEvent", p => p.GetProperty("eventType").GetString() == "Ended");
            stop.Payload.GetProperty("transactionInfo").GetProperty("stoppedReason").GetString().ShouldBe("Remote");
            stop.Payload.GetProperty("triggerReason").GetString().ShouldBe("RemoteStop");
        }

        await WaitUntilAsync(() => Station.GetConnector(2).Status == ConnectorStatus.Available, "the connector is free again");
        Station.GetConnector(2).Transaction.ShouldBeNull();
    }

    [Theory]
    [InlineData("1.6")]
    [InlineData("2.0.1")]
    public async Task Reset_closes_the_connection_and_reboots_with_a_new_boot_notification(string v)
    {
        var version = Parse(v);
        await StartStationAsync(version);
        var mark = Csms.Calls.Count - 1;

        var answer = await Csms.CallAsync("Reset", version == OcppVersion.V16 ? """{"type":"Soft"}""" : """{"type":"Immediate"}""");
        answer.GetProperty("status").GetString().ShouldBe("Accepted");

        var boot = await Csms.WaitForAsync("BootNotification", after: mark, step: TimeSpan.FromSeconds(1));
        boot.Connection.ShouldBe(2, "the station reconnected before booting again");
        Csms.Connections.ShouldBe(2);
        if (version == OcppVersion.V201)
        {
            boot.Payload.GetProperty("reason").GetString().ShouldBe("RemoteReset");
        }

        await Csms.WaitForAsync("StatusNotification", after: boot.Index);
    }

    [Theory]
    [InlineData("1.6")]
    [InlineData("2.0.1")]
    public async Task Heartbeat_interval_change_takes_effect_and_bad_keys_are_refused(string v)
    {
        var version = Parse(v);
        await StartStationAsync(version);
        var bootAt = Csms.CallsOf("BootNotification")[0].At;
        Time.Advance(TimeSpan.FromSeconds(10));
        var changedAt = Time.GetUtcNow();

        if (version == OcppVersion.V16)
        {
            (await Csms.CallAsync("ChangeConfiguration", """{"key":"HeartbeatInterval","value":"300"}""")).GetProperty("status").GetString().ShouldBe("Accepted");
            (await Csms.CallAsync("ChangeConfiguration", """{"key":"NumberOfConnectors","value":"5"}""")).GetProperty("status").GetString().ShouldBe("Rejected");
            (await Csms.CallAsync("ChangeConfiguration", """{"key":"NoSuchKey","value":"1"}""")).GetProperty("status").GetString().ShouldBe("NotSupported");
            var read = await Csms.CallAsync("GetConfiguration", """{"key":["HeartbeatInterval","Nope"]}""");
            read.GetProperty("configurationKey")[0].GetProperty("value").GetString().ShouldBe("300");
            read.GetProperty("unknownKey")[0].GetString().ShouldBe("Nope");
        }
        else
        {
            var answer = await Csms.CallAsync("SetVariables", """
                {"setVariableData":[
                  {"attributeValue":"300","component":{"name":"OCPPCommCtrlr"},"variable":{"name":"HeartbeatInterval"}},
                  {"attributeValue":"5","component":{"name":"ChargingStation"},"variable":{"name":"NumberOfConnectors"}},
                  {"attributeValue":"1","component":{"name":"OCPPCommCtrlr"},"variable":{"name":"Nope"}},
                  {"attributeValue":"1","component":{"name":"NoSuchCtrlr"},"variable":{"name":"Nope"}}]}
                """);
            answer.GetProperty("setVariableResult").EnumerateArray().Select(r => r.GetProperty("attributeStatus").GetString())
                .ShouldBe(["Accepted", "Rejected", "UnknownVariable", "UnknownComponent"]);
            var read = await Csms.CallAsync("GetVariables", """{"getVariableData":[{"component":{"name":"OCPPCommCtrlr"},"variable":{"name":"HeartbeatInterval"}}]}""");
            read.GetProperty("getVariableResult")[0].GetProperty("attributeValue").GetString().ShouldBe("300");
        }

        Station.HeartbeatInterval.ShouldBe(TimeSpan.FromSeconds(300));
        var heartbeat = await Csms.WaitForAsync("Heartbeat", step: TimeSpan.FromSeconds(5));
        (heartbeat.At - changedAt).ShouldBeInRange(TimeSpan.FromSeconds(300), TimeSpan.FromSeconds(305));
        (heartbeat.At - bootAt).ShouldBeGreaterThan(TimeSpan.FromSeconds(60), "the old 60 s interval no longer applies");
    }

    [Theory]
    [InlineData("1.6")]
    [InlineData("2.0.1")]
    public async Task Charging_profile_caps_the_reported_power(string v)
    {
        var version = Parse(v);
        await StartStationAsync(version);
        (await Station.PresentCardAsync(1, "CARD-1", Ct)).ShouldBeTrue();
        var mark = Csms.Calls.Count - 1;
        Time.Advance(Minute);
        var before = await Csms.WaitForAsync(MeterAction(version), p => IsMeter(version, p), after: mark);
        Sampled(before.Payload, "Power.Active.Import").ShouldBe(22_000m);

        // 16 A × 230 V × 3 phases = 11 040 W.
        var answer = version == OcppVersion.V16
            ? await Csms.CallAsync("SetChargingProfile", """
                {"connectorId":1,"csChargingProfiles":{"chargingProfileId":5,"stackLevel":0,"chargingProfilePurpose":"TxDefaultProfile",
                 "chargingProfileKind":"Absolute","chargingSchedule":{"chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":16}]}}}
                """)
            : await Csms.CallAsync("SetChargingProfile", """
                {"evseId":1,"chargingProfile":{"id":5,"stackLevel":0,"chargingProfilePurpose":"TxDefaultProfile","chargingProfileKind":"Absolute",
                 "chargingSchedule":[{"id":1,"chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":16}]}]}}
                """);
        answer.GetProperty("status").GetString().ShouldBe("Accepted");
        Station.GetConnector(1).PowerLimitW.ShouldBe(11_040);

        Time.Advance(Minute);
        var after = await Csms.WaitForAsync(MeterAction(version), p => IsMeter(version, p), after: before.Index);
        Sampled(after.Payload, "Power.Active.Import").ShouldBe(11_040m);
        Station.GetConnector(1).Transaction!.PowerW.ShouldBe(11_040);

        var schedule = version == OcppVersion.V16
            ? (await Csms.CallAsync("GetCompositeSchedule", """{"connectorId":1,"duration":3600,"chargingRateUnit":"W"}""")).GetProperty("chargingSchedule")
            : (await Csms.CallAsync("GetCompositeSchedule", """{"evseId":1,"duration":3600,"chargingRateUnit":"W"}""")).GetProperty("schedule");
        schedule.GetProperty("chargingSchedulePeriod")[0].GetProperty("limit").GetDecimal().ShouldBe(11_040m);

        var clear = version == OcppVersion.V16 ? """{"id":5}""" : """{"chargingProfileId":5}""";
        (await Csms.CallAsync("ClearChargingProfile", clear)).GetProperty("status").GetString().ShouldBe("Accepted");
        Station.GetConnector(1).Transaction!.PowerW.ShouldBe(22_000);
    }

    [Theory]
    [InlineData("1.6")]
    [InlineData("2.0.1")]
    public async Task Firmware_update_reports_the_full_status_sequence(string v)
    {
        var version = Parse(v);
        await StartStationAsync(version);
        var mark = Csms.Calls.Count - 1;
        var retrieve = Time.GetUtcNow().ToString("O");

        if (version == OcppVersion.V16)
        {
            await Csms.CallAsync("UpdateFirmware", $$"""{"location":"https://fw.test/fw-2.0.0.bin","retrieveDate":"{{retrieve}}"}""");
        }
        else
        {
            var answer = await Csms.CallAsync("UpdateFirmware", $$$"""{"requestId":9,"firmware":{"location":"https://fw.test/fw-2.0.0.bin","retrieveDateTime":"{{{retrieve}}}"}}""");
            answer.GetProperty("status").GetString().ShouldBe("Accepted");
        }

        await Csms.WaitForAsync("FirmwareStatusNotification", p => p.GetProperty("status").GetString() == "Installed", after: mark, step: TimeSpan.FromSeconds(1));
        var statuses = Csms.CallsOf("FirmwareStatusNotification");
        statuses.Select(s => s.Payload.GetProperty("status").GetString()).ShouldBe(["Downloading", "Downloaded", "Installing", "Installed"]);
        if (version == OcppVersion.V201)
        {
            statuses.ShouldAllBe(s => s.Payload.GetProperty("requestId").GetInt32() == 9);
        }

        Station.FirmwareVersion.ShouldBe("fw-2.0.0");
    }

    [Theory]
    [InlineData("1.6")]
    [InlineData("2.0.1")]
    public async Task Messages_produced_while_offline_are_delivered_in_order_after_reconnect(string v)
    {
        var version = Parse(v);
        await StartStationAsync(version);
        (await Station.PresentCardAsync(1, "CARD-1", Ct)).ShouldBeTrue();
        var started = version == OcppVersion.V16
            ? await Csms.WaitForAsync("StartTransaction")
            : await Csms.WaitForAsync("TransactionEvent");
        await WaitUntilAsync(() => Station.QueuedMessageCount == 0 && Station.GetConnector(1).Transaction?.TransactionId is not null, "the start was answered");

        Csms.Transport.IsOnline = false;
        await Csms.DropAsync();
        await WaitUntilAsync(() => Station.ConnectionState != ChargePointConnectionState.Ready, "the station notices the drop");
        var offlineSince = Time.GetUtcNow();

        for (var i = 0; i < 3; i++)
        {
            Time.Advance(Minute);
            await WaitUntilAsync(() => Station.QueuedMessageCount >= i + 1, "meter values queue up offline");
        }

        (await Station.StopSessionAsync(1, StopReason.Local, Ct)).ShouldBeTrue();
        Station.QueuedMessageCount.ShouldBe(4);
        var queuedMark = Csms.Calls.Count - 1;

        Csms.Transport.IsOnline = true;
        var stopAction = version == OcppVersion.V16 ? "StopTransaction" : "TransactionEvent";
        await Csms.WaitForAsync(stopAction, p => version == OcppVersion.V16 || p.GetProperty("eventType").GetString() == "Ended", after: queuedMark, step: TimeSpan.FromSeconds(5));

        var delivered = Csms.Calls.Where(c => c.Index > queuedMark && c.Action is "MeterValues" or "StopTransaction" or "TransactionEvent").ToList();
        delivered.Count.ShouldBe(4);
        delivered.ShouldAllBe(c => c.Connection == 2);
        var times = delivered.Select(c => Timestamp(version, c)).ToList();
        times.ShouldBe([offlineSince + Minute, offlineSince + (2 * Minute), offlineSince + (3 * Minute), offlineSince + (3 * Minute)]);
        times.ShouldAllBe(t => t < delivered[0].At, "the original timestamps are kept");
        var energies = delivered.Take(3).Select(c => Sampled(c.Payload, "Energy.Active.Import.Register")).ToList();
        energies.ShouldBeInOrder(SortDirection.Ascending);
        energies.Distinct().Count().ShouldBe(3);
        if (version == OcppVersion.V16)
        {
            delivered.Take(3).ShouldAllBe(c => c.Action == "MeterValues" && c.Payload.GetProperty("transactionId").GetInt32() == 101);
            delivered[3].Action.ShouldBe("StopTransaction");
            delivered[3].Payload.GetProperty("transactionId").GetInt32().ShouldBe(101);
        }
        else
        {
            delivered.Select(c => c.Payload.GetProperty("seqNo").GetInt32()).ShouldBe([1, 2, 3, 4]);
            delivered.ShouldAllBe(c => c.Payload.GetProperty("transactionInfo").GetProperty("transactionId").GetString()
                == started.Payload.GetProperty("transactionInfo").GetProperty("transactionId").GetString());
        }

        Csms.CallsOf("BootNotification").Count.ShouldBe(1, "a reconnect is not a reboot");
        Station.QueuedMessageCount.ShouldBe(0);
    }

    private static DateTimeOffset Timestamp(OcppVersion version, ReceivedCall call)
        => version == OcppVersion.V16 && call.Action == "MeterValues"
            ? call.Payload.GetProperty("meterValue")[0].GetProperty("timestamp").GetDateTimeOffset()
            : call.Payload.GetProperty("timestamp").GetDateTimeOffset();

    private async Task AssertStatusesAsync(OcppVersion version, int after, string[] expected)
    {
        var field = version == OcppVersion.V16 ? "status" : "connectorStatus";
        await WaitUntilAsync(() => Csms.Calls.Count(c => c.Index > after && c.Action == "StatusNotification") >= expected.Length, "status notifications");
        Csms.Calls.Where(c => c.Index > after && c.Action == "StatusNotification")
            .Select(c => c.Payload.GetProperty(field).GetString())
            .Take(expected.Length)
            .ShouldBe(expected);
    }
}
