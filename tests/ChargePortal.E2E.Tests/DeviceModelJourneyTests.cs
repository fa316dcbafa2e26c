using System.Text.RegularExpressions;
using ChargePortal.E2E.Tests.Infrastructure;
using ChargePortal.Ocpp;
using ChargePortal.Simulator;
using ChargePortal.Web.DeviceModel;
using Microsoft.Extensions.DependencyInjection;

namespace ChargePortal.E2E.Tests;

public sealed class DeviceModelJourneyTests(AppHostFixture app, BrowserFixture browser) : E2ETest(app, browser)
{
    private const string StationId = "DM-E2E-01";
    private const string Heartbeat = "[data-testid=dm-row][data-key='OCPPCommCtrlr/HeartbeatInterval/Actual']";
    private const string RemoteStart = "[data-testid=dm-row][data-key='AuthCtrlr/AuthorizeRemoteStart/Actual']";
    private const string Model = "[data-testid=dm-row][data-key='ChargingStation/Model/Actual']";

    [Fact]
    public async Task Operator_browses_a_201_stations_device_model_and_edits_a_writable_variable()
    {
        var ct = TestContext.Current.CancellationToken;

        // A 2.0.1 station that registers itself; its boot makes the CSMS ask for its full device model.
        await using var station = new SimulatedChargePoint(new SimulatedChargePointOptions
        {
            Id = StationId,
            Version = OcppVersion.V201,
            CsmsUrl = new Uri($"ws://{App.BaseUrl.Authority}/ocpp/"),
            Connectors = [new(SimulatedConnectorType.Type2, 22_000)],
        });
        await station.StartAsync(ct);
        await station.WaitUntilReadyAsync(ct);

        var session = await OpenSessionAsync(Viewports.Desktop());
        var page = session.Page;
        await session.SignInAsync(OperatorEmail, RepositoryRoot.DemoPassword);
        await page.GotoAsync($"/stations/{StationId}");
        await Expect(page).ToHaveURLAsync(new Regex($"/stations/{StationId}$"));
        await session.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Configuration" }).ClickAsync();
        var heartbeat = page.Locator(Heartbeat);

        // The report follows the boot asynchronously; once it is stored, the open tab shows it without a reload.
        var store = App.Services.GetRequiredService<DeviceModelStore>();
        (await HeartbeatIntervalAsync(store, value => value is not null, ct)).ShouldNotBeNull("the station's report after boot never reached the store");
        await Expect(heartbeat).ToBeVisibleAsync(new() { Timeout = 30_000 });

        // Filter to one variable; read-only ones offer no editor.
        await page.Locator("[data-testid=dm-filter] input").FillAsync("heartbeat");
        await Expect(page.Locator("[data-testid=dm-row]")).ToHaveCountAsync(1);
        await page.Locator("[data-testid=dm-filter] input").FillAsync("ChargingStation");
        await Expect(page.Locator(Model)).ToBeVisibleAsync();
        await Expect(page.Locator(Model).Locator("input, select")).ToHaveCountAsync(0);
        await Expect(page.Locator(Model).Locator("[data-testid=dm-value]")).ToHaveTextAsync(station.Options.Model);
        await page.Locator("[data-testid=dm-filter] input").FillAsync("");

        // A value its data type does not allow is explained and cannot be sent.
        await Expect(heartbeat.Locator("[data-testid=dm-hint]")).ToHaveTextAsync("integer");
        await heartbeat.Locator("input").FillAsync("often");
        await Expect(heartbeat.Locator("[data-testid=dm-error]")).ToHaveTextAsync("\"often\" is not a whole number.");
        await Expect(heartbeat.Locator("[data-testid=dm-save]")).ToBeDisabledAsync();

        // A valid one is sent with SetVariables; the station's verdict is shown and the station has it.
        await heartbeat.Locator("input").FillAsync("120");
        await Expect(heartbeat.Locator("[data-testid=dm-error]")).ToHaveCountAsync(0);
        await heartbeat.Locator("[data-testid=dm-save]").ClickAsync();
        await Expect(heartbeat.Locator("[data-testid=dm-result]")).ToHaveTextAsync("Accepted", new() { Timeout = 20_000 });
        station.Configuration.TryGet("OCPPCommCtrlr.HeartbeatInterval", out var entry).ShouldBeTrue();
        entry.Value.ShouldBe("120");

        // A boolean is a choice of true or false.
        var remoteStart = page.Locator(RemoteStart);
        await remoteStart.Locator("select").SelectOptionAsync("true");
        await remoteStart.Locator("[data-testid=dm-save]").ClickAsync();
        await Expect(remoteStart.Locator("[data-testid=dm-result]")).ToHaveTextAsync("Accepted", new() { Timeout = 20_000 });
        station.Configuration.TryGet("AuthCtrlr.AuthorizeRemoteStart", out var remote).ShouldBeTrue();
        remote.Value.ShouldBe("true");

        // The stored device model took the accepted value (GET /api/stations/{id}/device-model shows the same store).
        (await HeartbeatIntervalAsync(store, value => value == "120", ct)).ShouldBe("120");
        await session.FinishAsync("operator-device-model");
    }

    /// <summary>The stored Actual of OCPPCommCtrlr.HeartbeatInterval, re-read for up to a minute until it satisfies <paramref name="until"/>.</summary>
    private static async Task<string?> HeartbeatIntervalAsync(DeviceModelStore store, Func<string?, bool> until, CancellationToken ct)
    {
        string? stored = null;
        for (var attempt = 1; attempt <= 240 && !until(stored); attempt++)
        {
            await Task.Delay(250, ct);
            stored = (await store.ListAsync(StationId, ct))
                .FirstOrDefault(v => v is { ComponentName: "OCPPCommCtrlr", VariableName: "HeartbeatInterval" })?.Attributes.FirstOrDefault(a => a.Type == "Actual")?.Value;
        }

        return stored;
    }
}
