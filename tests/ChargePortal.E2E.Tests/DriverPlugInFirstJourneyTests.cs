using System.Globalization;
using System.Text.RegularExpressions;
using ChargePortal.E2E.Tests.Infrastructure;
using ChargePortal.Ocpp;
using ChargePortal.Simulator;
using ChargePortal.Web.Data;
using ChargePortal.Web.Payments;
using ChargePortal.Web.Transactions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChargePortal.E2E.Tests;

/// <summary>
/// Plug in first, tap later (2.0.1 E02) on a phone: the driver plugs in at a simulated 2.0.1 station (the transaction
/// starts with nobody known), taps their RFID card (linked to the account, paid with the saved payment card), charges
/// and unplugs; the session is in their history with its receipt, and the card hold is captured with the final cost
/// (in the database and on the operator's payments page).
/// </summary>
public sealed class DriverPlugInFirstJourneyTests(AppHostFixture app, BrowserFixture browser) : E2ETest(app, browser)
{
    // Westerpark (not one of owner@'s sites, whose figures the owner journey counts); no other journey charges here.
    private const string StationId = "AMS-WP-03";
    private const string DriverCard = "DEMO-DRIVER-CARD";

    /// <summary>Every wait is bounded by this on two busy cores, never a fixed sleep.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Driver_plugs_in_taps_their_card_charges_unplugs_and_finds_the_paid_session_with_its_receipt()
    {
        var ct = TestContext.Current.CancellationToken;
        var session = await OpenSessionAsync(Viewports.Phone());
        var page = session.Page;
        await session.SignInAsync(DriverEmail, RepositoryRoot.DemoPassword);
        await Expect(page).ToHaveURLAsync(new Regex("/find$"));
        await session.WaitForInteractiveAsync();

        // OCPP 2.0.1 with TxStartPoint EVConnected; each real second is a simulated minute (~180 Wh at 11 kW).
        await using var station = new SimulatedChargePoint(new SimulatedChargePointOptions
        {
            Id = StationId,
            Version = OcppVersion.V201,
            CsmsUrl = new Uri($"ws://{App.BaseUrl.Authority}/ocpp/"),
            Connectors = [new(SimulatedConnectorType.Type2, 11_000)],
            MeterValueInterval = TimeSpan.FromSeconds(60),
            SpeedFactor = 60,
            RandomSeed = 11,
        });
        await station.StartAsync(ct);
        await station.WaitUntilReadyAsync(ct);

        // The cable goes in: the station starts the transaction before anyone is known.
        station.PlugIn(1).ShouldBeTrue("the free connector takes the cable");
        var started = await EventuallyAsync(async db => await db.Transactions.AsNoTracking()
            .Where(t => t.StationId == StationId && t.Status == TransactionStatus.Active)
            .Select(t => new { t.Id, t.IdTag }).FirstOrDefaultAsync(ct), ct);
        started.ShouldNotBeNull("the Started event (CablePluggedIn) opens a session");
        started.IdTag.ShouldBeNull("nobody is known until the card is tapped");

        // The card: authorised, the session becomes the driver's, a hold is placed on their saved card, energy flows.
        (await station.TapCardAsync(1, DriverCard, ct)).ShouldBeTrue("the driver's card is accepted");
        var charging = await EventuallyAsync(async db => await db.Transactions.AsNoTracking()
            .Where(t => t.Id == started.Id && t.IdTag == DriverCard && t.UserId != null && t.EnergyWh >= 500)
            .Select(t => new { t.Id, t.UserId }).FirstOrDefaultAsync(ct), ct);
        charging.ShouldNotBeNull("the tapped card makes the session the driver's, and it charges");
        (await EventuallyAsync(async db => await db.Payments.AsNoTracking()
            .FirstOrDefaultAsync(p => p.TransactionId == started.Id && p.Status == PaymentStatus.Authorized, ct), ct))
            .ShouldNotBeNull("the RFID card's session holds the driver's saved payment card");

        // Unplug: the session ends, is priced and the hold captured with exactly the cost.
        (await station.UnplugAsync(1, ct)).ShouldBeTrue();
        var priced = await EventuallyAsync(async db => await db.Transactions.AsNoTracking()
            .FirstOrDefaultAsync(t => t.Id == started.Id && t.Status == TransactionStatus.Completed && t.Cost != null, ct), ct);
        priced.ShouldNotBeNull($"the session is completed and priced within {Patience.TotalSeconds} s");
        priced.Cost!.Value.ShouldBeGreaterThan(0m);
        priced.StopReason.ShouldBe("EVDisconnected");
        var payment = await EventuallyAsync(async db => await db.Payments.AsNoTracking()
            .FirstOrDefaultAsync(p => p.TransactionId == started.Id && p.Status == PaymentStatus.Captured, ct), ct);
        payment.ShouldNotBeNull("the hold is captured when the session is priced");
        payment.CapturedAmount.ShouldBe(priced.Cost.Value);
        payment.UserId.ShouldBe(charging.UserId);
        var cost = "€" + priced.Cost.Value.ToString("0.00", CultureInfo.InvariantCulture);

        // The driver's history lists it; it opens to the session and its receipt with the captured total.
        await page.Locator("[data-testid=bottom-nav]").GetByText("Sessions").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/sessions$"));
        var row = page.Locator("[data-testid=session-row]").Filter(new() { HasText = StationId }).Filter(new() { HasText = cost }).First;
        await Expect(row).ToBeVisibleAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        await row.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/sessions/{started.Id}$"));
        await session.WaitForInteractiveAsync();
        await Expect(page.Locator("[data-testid=session-state]")).ToHaveTextAsync("Completed");
        await Expect(page.Locator("[data-testid=session-cost]")).ToHaveTextAsync(cost);
        await page.Locator("[data-testid=view-receipt]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/sessions/{started.Id}/receipt$"));
        var receipt = page.Locator("[data-testid=receipt]");
        await Expect(receipt.Locator("[data-testid=receipt-total]")).ToHaveTextAsync(cost);
        await Expect(receipt.Locator("[data-testid=receipt-lines] tbody tr").First).ToContainTextAsync("kWh");
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        widths[0].ShouldBeLessThanOrEqualTo(widths[1], "the phone layout must not scroll sideways");
        await session.FinishAsync("driver-plug-in-first-receipt-phone");

        // The operator's payments page shows the same: the session's hold captured, refundable.
        var console = await OpenSessionAsync(Viewports.Desktop());
        await console.SignInAsync(OperatorEmail, RepositoryRoot.DemoPassword);
        await console.Page.GotoAsync("/operator/payments");
        await console.WaitForInteractiveAsync();
        var paymentRow = console.Page.Locator("[data-testid=payments-table] tr").Filter(new() { Has = console.Page.Locator($"a[href='/sessions/{started.Id}']") });
        await Expect(paymentRow).ToContainTextAsync("Captured");
        await Expect(paymentRow.Locator($"[data-testid=refund-{payment.Id}]")).ToBeVisibleAsync();
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
}
