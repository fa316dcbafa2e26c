namespace ChargePortal.Ocpp.Tests.Simulator;

/// <summary>Plug in first, tap later (2.0.1 E02): the cable starts the transaction, the card authorises it, unplugging ends it.</summary>
public sealed class PlugInFirstTests : SimulatorTestBase
{
    [Fact]
    public async Task Version_201_starts_with_the_cable_and_no_token_then_the_card_authorises_and_energy_flows()
    {
        await StartStationAsync(OcppVersion.V201);
        var mark = Csms.Calls.Count - 1;

        Station.PlugIn(1).ShouldBeTrue();
        Station.PlugIn(1).ShouldBeFalse("the connector already has its cable");
        var started = await Csms.WaitForAsync("TransactionEvent", p => p.GetProperty("eventType").GetString() == "Started", after: mark);
        started.Payload.GetProperty("triggerReason").GetString().ShouldBe("CablePluggedIn");
        started.Payload.TryGetProperty("idToken", out _).ShouldBeFalse("nobody is known before the tap");
        started.Payload.GetProperty("transactionInfo").GetProperty("chargingState").GetString().ShouldBe("EVConnected");
        var meterStart = Sampled(started.Payload, "Energy.Active.Import.Register");

        // Waiting for the card draws nothing.
        Time.Advance(TimeSpan.FromMinutes(5));
        (await Station.TapCardAsync(1, "CARD-1", Ct)).ShouldBeTrue();
        var authorize = await Csms.WaitForAsync("Authorize", after: started.Index);
        authorize.Payload.GetProperty("idToken").GetProperty("idToken").GetString().ShouldBe("CARD-1");
        var authorized = await Csms.WaitForAsync("TransactionEvent", p => p.GetProperty("triggerReason").GetString() == "Authorized", after: authorize.Index);
        authorized.Payload.GetProperty("eventType").GetString().ShouldBe("Updated");
        authorized.Payload.GetProperty("seqNo").GetInt32().ShouldBe(1);
        authorized.Payload.GetProperty("idToken").GetProperty("idToken").GetString().ShouldBe("CARD-1");
        authorized.Payload.GetProperty("transactionInfo").GetProperty("transactionId").GetString()
            .ShouldBe(started.Payload.GetProperty("transactionInfo").GetProperty("transactionId").GetString());
        Sampled(authorized.Payload, "Energy.Active.Import.Register").ShouldBe(meterStart);

        Time.Advance(TimeSpan.FromSeconds(60));
        await WaitUntilAsync(() => Station.GetConnector(1).Transaction is { } tx && tx.PowerW > 0, "charging after the tap");
        (await Station.UnplugAsync(1, Ct)).ShouldBeTrue();
        var ended = await Csms.WaitForAsync("TransactionEvent", p => p.GetProperty("eventType").GetString() == "Ended", after: authorized.Index);
        ended.Payload.GetProperty("transactionInfo").GetProperty("stoppedReason").GetString().ShouldBe("EVDisconnected");
        ended.Payload.TryGetProperty("idToken", out _).ShouldBeFalse();
        Sampled(ended.Payload, "Energy.Active.Import.Register").ShouldBe(meterStart + 367m, "22 kW for the minute after the tap only");
        Station.GetConnector(1).Transaction.ShouldBeNull();
    }

    [Fact]
    public async Task Version_16_shows_Preparing_for_the_cable_and_starts_the_transaction_at_the_tap()
    {
        await StartStationAsync(OcppVersion.V16);
        var mark = Csms.Calls.Count - 1;

        Station.PlugIn(1).ShouldBeTrue();
        var preparing = await Csms.WaitForAsync("StatusNotification", p => p.GetProperty("status").GetString() == "Preparing", after: mark);
        Csms.CallsOf("StartTransaction").ShouldBeEmpty();

        (await Station.TapCardAsync(1, "CARD-1", Ct)).ShouldBeTrue();
        var start = await Csms.WaitForAsync("StartTransaction", after: preparing.Index);
        start.Payload.GetProperty("idTag").GetString().ShouldBe("CARD-1");
    }
}
