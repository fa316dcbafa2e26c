using System.Text.RegularExpressions;
using ChargePortal.E2E.Tests.Infrastructure;
using ChargePortal.Ocpp;
using ChargePortal.Simulator;

namespace ChargePortal.E2E.Tests;

public sealed class OperatorConsoleJourneyTests(AppHostFixture app, BrowserFixture browser) : E2ETest(app, browser)
{
    private const string StationId = "AMS-CS-04";

    [Fact]
    public async Task Operator_watches_a_station_live_resets_it_and_changes_its_configuration()
    {
        var ct = TestContext.Current.CancellationToken;
        var session = await OpenSessionAsync(Viewports.Desktop());
        var page = session.Page;
        await session.SignInAsync(OperatorEmail, RepositoryRoot.DemoPassword);

        // The station list: the station comes online while the operator looks at it, without a reload.
        await page.GotoAsync("/operator/stations");
        await session.WaitForInteractiveAsync();
        var row = page.Locator("[data-testid=stations-table] tbody tr", new() { HasText = StationId });
        await Expect(row.Locator("[data-testid=station-online]")).ToHaveTextAsync("Offline");

        await using var station = new SimulatedChargePoint(new SimulatedChargePointOptions
        {
            Id = StationId,
            Version = OcppVersion.V16,
            CsmsUrl = new Uri($"ws://{App.BaseUrl.Authority}/ocpp/"),
            Connectors = [new(SimulatedConnectorType.Type2, 22_000)],
            MeterValueInterval = TimeSpan.FromSeconds(1),
        });
        await station.StartAsync(ct);
        await station.WaitUntilReadyAsync(ct);
        await Expect(row.Locator("[data-testid=station-online]")).ToHaveTextAsync("Online");
        await session.SaveScreenshotAsync("operator-stations-live");

        // The console: a connector status change appears without reload.
        await row.GetByRole(AriaRole.Link, new() { Name = StationId }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/stations/{StationId}$"));
        await session.WaitForInteractiveAsync();
        await Expect(page.Locator("[data-testid=console-online]")).ToHaveTextAsync("Online");
        var tile = page.Locator("[data-testid=connector-tile][data-connector='1-1']");
        await Expect(tile.Locator("[data-testid=connector-status]")).ToHaveTextAsync("Available");

        (await station.PresentCardAsync(1, "DEMO-DRIVER-CARD", ct)).ShouldBeTrue();
        await Expect(tile.Locator("[data-testid=connector-status]")).ToHaveTextAsync(new Regex("Preparing|Charging"));
        await Expect(tile.Locator("[data-testid=connector-session]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=current-session]")).ToContainTextAsync("DEMO-DRIVER-CARD");
        await session.SaveScreenshotAsync("operator-station-console");

        // A reset, confirmed, and the station's answer.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Commands" }).ClickAsync();
        // The simulator answers the reset, drops the connection and boots again: wait for that boot.
        var rebooted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        station.Changed += (_, change) =>
        {
            if (change.Kind == ChargePointChangeKind.Registration && station.LastCommand?.Action == "Reset")
            {
                rebooted.TrySetResult();
            }
        };
        await page.Locator("[data-testid=cmd-reset]").ClickAsync();
        await Expect(page.Locator("[data-testid=confirm-message]")).ToContainTextAsync("Soft reset AMS-CS-04");
        await page.Locator("[data-testid=confirm-ok]").ClickAsync();
        await Expect(page.Locator("[data-testid=command-result]").First).ToContainTextAsync("The station answered reset: Accepted.");
        await rebooted.Task.WaitAsync(TimeSpan.FromSeconds(60), ct);
        await Expect(page.Locator("[data-testid=console-online]")).ToHaveTextAsync("Online");

        // Configuration: fetch, edit one value, see the station's verdict.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Configuration" }).ClickAsync();
        var heartbeat = page.Locator("[data-testid=config-row][data-key=HeartbeatInterval]");
        await FetchConfigurationAsync(page, heartbeat);
        await heartbeat.Locator("input").FillAsync("120");
        await heartbeat.Locator("[data-testid=config-save]").ClickAsync();
        await Expect(heartbeat.Locator("[data-testid=config-result]")).ToHaveTextAsync("Accepted", new() { Timeout = 20_000 });
        await session.FinishAsync("operator-station-console-configuration");
    }

    /// <summary>The reset reboots the simulator; until it is back the console says it is offline, so fetch again.</summary>
    private static async Task FetchConfigurationAsync(IPage page, ILocator heartbeat)
    {
        for (var attempt = 1; ; attempt++)
        {
            await page.Locator("[data-testid=config-fetch]").ClickAsync();
            var shown = page.Locator("[data-testid=config-error], [data-testid=config-row][data-key=HeartbeatInterval]").First;
            await Expect(shown).ToBeVisibleAsync(new() { Timeout = 20_000 });
            if (await heartbeat.IsVisibleAsync() || attempt == 10)
            {
                await Expect(heartbeat).ToBeVisibleAsync();
                return;
            }

            await page.WaitForTimeoutAsync(1000);
        }
    }
}
