using System.Globalization;
using System.Text.RegularExpressions;
using ChargePortal.E2E.Tests.Infrastructure;
using ChargePortal.Ocpp;
using ChargePortal.Simulator;
using ChargePortal.Web.Data;
using ChargePortal.Web.Transactions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChargePortal.E2E.Tests;

/// <summary>
/// The driver's charging journey on a phone, against a simulated station: start from the app, watch the cost rise live,
/// stop, read the receipt; then an RFID session with the driver's linked card shows up in the history with its receipt.
/// Reserving a slot is proven by <see cref="DriverReservationJourneyTests"/>; this journey takes it from the station page on.
/// </summary>
public sealed partial class DriverChargingJourneyTests(AppHostFixture app, BrowserFixture browser) : E2ETest(app, browser)
{
    // Westerpark: not one of owner@'s sites (the owner dashboard journey counts those) and used by no other journey.
    private const string StationId = "AMS-WP-02";
    private const string StationName = "Westerpark roof";
    private const string DriverCard = "DEMO-DRIVER-CARD";

    /// <summary>Charging needs a moment on two busy cores; every wait is bounded by this, never a fixed sleep.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Driver_starts_charging_at_a_simulated_station_watches_the_cost_rise_stops_and_gets_receipts_for_app_and_rfid_sessions()
    {
        var ct = TestContext.Current.CancellationToken;
        var session = await OpenSessionAsync(Viewports.Phone());
        var page = session.Page;
        await session.SignInAsync(DriverEmail, RepositoryRoot.DemoPassword);
        await Expect(page).ToHaveURLAsync(new Regex("/find$"));
        await session.WaitForInteractiveAsync();

        // The station is offline until the simulator connects; the map marker follows it live.
        var marker = page.Locator($".leaflet-marker-icon[data-station-id='{StationId}']");
        await Expect(marker).ToHaveAttributeAsync("data-availability", "offline");

        // OCPP 2.0.1, one meter value per real second; SpeedFactor makes each one ten simulated seconds of energy
        // (~280 Wh at 100 kW), so the cost visibly rises with every sample.
        await using var station = new SimulatedChargePoint(new SimulatedChargePointOptions
        {
            Id = StationId,
            Version = OcppVersion.V201,
            CsmsUrl = new Uri($"ws://{App.BaseUrl.Authority}/ocpp/"),
            Connectors = [new(SimulatedConnectorType.Ccs2, 100_000), new(SimulatedConnectorType.Chademo, 50_000)],
            MeterValueInterval = TimeSpan.FromSeconds(10),
            SpeedFactor = 10,
            RandomSeed = 7,
        });
        await station.StartAsync(ct);
        await station.WaitUntilReadyAsync(ct);
        await Expect(marker).ToHaveAttributeAsync("data-availability", "available", new() { Timeout = (float)Patience.TotalMilliseconds });

        // Find it in the list and open the station page.
        var card = page.Locator("[data-testid=station-card]").Filter(new() { HasText = StationName });
        await Expect(card).ToHaveCountAsync(1);
        await card.Locator("a").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/stations/{StationId}$"));
        await session.WaitForInteractiveAsync();
        await Expect(page.Locator("[data-testid=driver-station] h1")).ToHaveTextAsync(StationName);
        await Expect(page.Locator("[data-testid=station-online]")).ToHaveTextAsync("Online");
        await Expect(page.Locator("[data-testid=price]")).ToContainTextAsync("€0.39/kWh");
        await Expect(page.Locator("[data-testid=payment-test-mode]").First).ToContainTextAsync("no real charge");

        // Start charging: hold (simulated provider), remote start, the station starts at once; the app opens the session.
        await page.Locator("[data-testid=start-charging-1]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/sessions/\d+$"), new() { Timeout = (float)Patience.TotalMilliseconds });
        var appSessionId = long.Parse(SessionIdInUrl().Match(page.Url).Groups[1].Value, CultureInfo.InvariantCulture);
        await session.WaitForInteractiveAsync();
        await Expect(page.Locator("[data-testid=session-state]")).ToHaveTextAsync("Charging");
        await Expect(page.Locator("[data-testid=test-mode]")).ToBeVisibleAsync();

        // Watch the cost rise live: a marker on window survives only if the page is never reloaded.
        await page.EvaluateAsync("() => { window.__sameDocument = true; }");
        var first = await CostAboveAsync(page, -1m);
        var second = await CostAboveAsync(page, first);
        var third = await CostAboveAsync(page, second);
        third.ShouldBeGreaterThan(second);
        second.ShouldBeGreaterThan(first);
        (await page.EvaluateAsync<bool>("() => window.__sameDocument === true")).ShouldBeTrue("the cost must rise without a page reload");
        await Expect(page.Locator("[data-testid=session-energy]")).Not.ToHaveTextAsync("0.000 kWh");
        await Expect(page.Locator("[data-testid=session-power]")).ToHaveTextAsync(new Regex(@"^\d+\.\d kW$"));
        await AssertNoSidewaysScrollAsync(page);
        await session.SaveScreenshotAsync("driver-session-phone");

        // Stop charging: the station ends the session, the page turns into its summary.
        await page.Locator("[data-testid=stop-charging]").ClickAsync();
        await Expect(page.Locator("[data-testid=session-state]")).ToHaveTextAsync("Completed", new() { Timeout = (float)Patience.TotalMilliseconds });
        var appSession = await PricedSessionAsync(appSessionId, ct);
        appSession.IdTag.ShouldStartWith("APP-");
        var finalCost = Money(appSession.Cost!.Value);
        appSession.Cost.Value.ShouldBeGreaterThanOrEqualTo(third, "the final cost is at least what the driver last saw while charging");
        await Expect(page.Locator("[data-testid=session-cost]")).ToHaveTextAsync(finalCost);

        // The receipt: tariff lines and a total equal to the final cost.
        await page.Locator("[data-testid=view-receipt]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/sessions/{appSessionId}/receipt$"));
        await AssertReceiptAsync(page, finalCost);
        await AssertNoSidewaysScrollAsync(page);
        await session.SaveScreenshotAsync("driver-receipt-phone");

        // An RFID session with the driver's linked card, started and stopped at the station itself.
        (await station.PresentCardAsync(2, DriverCard, ct)).ShouldBeTrue("the driver's card is accepted at the station");
        var rfidSessionId = await EventuallyAsync(async db => await db.Transactions.AsNoTracking()
            .Where(t => t.StationId == StationId && t.IdTag == DriverCard && t.Status == TransactionStatus.Active && t.EnergyWh > 0)
            .Select(t => (long?)t.Id).FirstOrDefaultAsync(ct), ct);
        (await station.StopSessionAsync(2, StopReason.Local, ct)).ShouldBeTrue();
        var rfidSession = await PricedSessionAsync(rfidSessionId!.Value, ct);
        rfidSession.UserId.ShouldBe(appSession.UserId, "a session started with the driver's linked card belongs to the driver");
        var rfidCost = Money(rfidSession.Cost!.Value);

        // It is the newest entry of the driver's history, and opens to its receipt.
        await page.Locator("[data-testid=bottom-nav]").GetByText("Sessions").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/sessions$"));
        var rows = page.Locator("[data-testid=session-row]");
        await Expect(rows.First).ToContainTextAsync(StationId);
        await Expect(rows.First).ToContainTextAsync(rfidCost);
        await Expect(rows.Filter(new() { HasText = finalCost }).Filter(new() { HasText = StationId }).First).ToBeVisibleAsync();
        await AssertNoSidewaysScrollAsync(page);
        await rows.First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/sessions/{rfidSessionId}$"));
        await Expect(page.Locator("[data-testid=session-state]")).ToHaveTextAsync("Completed");
        await Expect(page.Locator("[data-testid=session-cost]")).ToHaveTextAsync(rfidCost);
        await page.Locator("[data-testid=view-receipt]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/sessions/{rfidSessionId}/receipt$"));
        await AssertReceiptAsync(page, rfidCost);
        await session.FinishAsync("driver-rfid-receipt-phone");
    }

    /// <summary>Waits (bounded) until the live cost shows more than <paramref name="above"/> and returns it.</summary>
    private static async Task<decimal> CostAboveAsync(IPage page, decimal above)
    {
        var shown = await page.WaitForFunctionAsync(
            """
            ([selector, above]) => {
              const text = document.querySelector(selector)?.textContent ?? '';
              const match = text.replace(/,/g, '').match(/\d+(\.\d+)?/);
              if (!match) return false;
              const value = parseFloat(match[0]);
              return value > above ? match[0] : false;
            }
            """,
            new object[] { "[data-testid=session-cost]", (double)above },
            new() { Timeout = (float)Patience.TotalMilliseconds, PollingInterval = 100 });
        return decimal.Parse(await shown.JsonValueAsync<string>(), CultureInfo.InvariantCulture);
    }

    private static async Task AssertReceiptAsync(IPage page, string total)
    {
        var receipt = page.Locator("[data-testid=receipt]");
        await Expect(receipt).ToBeVisibleAsync();
        await Expect(receipt.Locator("[data-testid=receipt-total]")).ToHaveTextAsync(total);
        var lines = receipt.Locator("[data-testid=receipt-lines] tbody tr");
        await Expect(lines.First).ToContainTextAsync("kWh");
        await Expect(lines.First).ToContainTextAsync("€0.39");
        await Expect(receipt.Locator("[data-testid=receipt-vat]")).ToHaveTextAsync(new Regex(@"^€\d+\.\d\d$"));
    }

    /// <summary>Waits until the session is completed and priced (the pricing service runs on the event stream).</summary>
    private async Task<ChargingTransaction> PricedSessionAsync(long id, CancellationToken ct)
    {
        var priced = await EventuallyAsync(async db => await db.Transactions.AsNoTracking()
            .FirstOrDefaultAsync(t => t.Id == id && t.Status == TransactionStatus.Completed && t.Cost != null, ct), ct);
        return priced.ShouldNotBeNull($"session {id} should be completed and priced within {Patience.TotalSeconds} s");
    }

    private async Task<T?> EventuallyAsync<T>(Func<AppDbContext, Task<T?>> probe, CancellationToken ct)
    {
        var dbFactory = App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var deadline = TimeProvider.System.GetUtcNow() + Patience;
        while (true)
        {
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                if (await probe(db) is { } found)
                {
                    return found;
                }
            }

            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                return default;
            }

            await Task.Delay(200, ct);
        }
    }

    private static string Money(decimal amount) => "€" + amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        widths[0].ShouldBeLessThanOrEqualTo(widths[1], "the phone layout must not scroll sideways (scrollWidth vs innerWidth)");
    }

    [GeneratedRegex(@"/sessions/(\d+)$")]
    private static partial Regex SessionIdInUrl();
}
