using System.Text.Json.Nodes;
using ChargePortal.Web.Data;
using ChargePortal.Web.Reservations;
using ChargePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChargePortal.Web.Tests.Ocpp.OcppTestData;
using static ChargePortal.Web.Tests.Ocpp.V201SessionOwnershipTests;

namespace ChargePortal.Web.Tests.Reservations;

/// <summary>
/// A held connector serves its holder: the reserving driver even when they plug in before showing a card, a card of the
/// reserving token's group (the parent id), and a start the station reports as using the reservation (its id).
/// </summary>
public sealed class ReservationHolderTests(ReservationTestHost host) : IClassFixture<ReservationTestHost>
{
    private static readonly TimeSpan Slot = TimeSpan.FromMinutes(15);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ReservationService Service => host.Services.GetRequiredService<ReservationService>();

    [Fact]
    public async Task Ocpp201_the_holder_may_plug_in_first_and_tap_later()
    {
        const string id = "RES-201-PLUG";
        await using var cp = await ConnectAsync(id, V201);
        var reservationId = await HoldAsync(cp, id, await DriverIdAsync());
        var now = DateTimeOffset.UtcNow;

        var plugged = await cp.CallOkAsync("TransactionEvent", Event("tx-plug-first", "Started", 0, now, "CablePluggedIn"));
        plugged.ContainsKey("idTokenInfo").ShouldBeFalse("no token was shown, so there is no token to refuse");
        (await Service.FindAsync(reservationId, Ct))!.Status.ShouldBe(ReservationStatus.Held);

        var tapped = await cp.CallOkAsync("TransactionEvent", Event("tx-plug-first", "Updated", 1, now.AddSeconds(20), "Authorized", token: "DEMO-DRIVER-CARD"));
        tapped["idTokenInfo"]!["status"]!.GetValue<string>().ShouldBe("Accepted");
        (await Service.FindAsync(reservationId, Ct))!.Status.ShouldBe(ReservationStatus.Used);
    }

    [Fact]
    public async Task Ocpp16_a_card_of_the_reserving_tokens_group_may_start()
    {
        const string id = "RES-16-GROUP";
        await using var cp = await ConnectAsync(id, V16);
        var reservationId = await HoldAsync(cp, id, await DriverIdAsync());
        await using (var db = await DbAsync())
        {
            var reservingTag = (await db.Reservations.SingleAsync(r => r.Id == reservationId, Ct)).IdTag;
            db.IdTokens.Add(new Tokens.IdToken { IdTag = "RES-GROUP", CreatedAt = DateTimeOffset.UtcNow });
            db.IdTokens.Add(new Tokens.IdToken { IdTag = "RES-GROUP-CARD", ParentIdTag = "RES-GROUP", CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync(Ct);
            await db.IdTokens.Where(t => t.IdTag == reservingTag).ExecuteUpdateAsync(u => u.SetProperty(t => t.ParentIdTag, "RES-GROUP"), Ct);
        }

        var started = await cp.CallOkAsync("StartTransaction", new JsonObject { ["connectorId"] = 1, ["idTag"] = "RES-GROUP-CARD", ["meterStart"] = 0, ["timestamp"] = Iso(DateTimeOffset.UtcNow) });
        started["idTagInfo"]!["status"]!.GetValue<string>().ShouldBe("Accepted");
        (await Service.FindAsync(reservationId, Ct))!.Status.ShouldBe(ReservationStatus.Used);
    }

    [Fact]
    public async Task Ocpp201_a_start_the_station_reports_against_the_reservation_is_the_holders()
    {
        const string id = "RES-201-ID";
        await using var cp = await ConnectAsync(id, V201);
        var reservationId = await HoldAsync(cp, id, await DriverIdAsync());

        // The station admitted DEMO-FLEET-001 itself (its group matched the reservation's) and says so with the id.
        var started = Event("tx-by-reservation", "Started", 0, DateTimeOffset.UtcNow, "Authorized", token: "DEMO-FLEET-001");
        started["reservationId"] = reservationId;
        (await cp.CallOkAsync("TransactionEvent", started))["idTokenInfo"]!["status"]!.GetValue<string>().ShouldBe("Accepted");
        (await Service.FindAsync(reservationId, Ct))!.Status.ShouldBe(ReservationStatus.Used);
    }

    private async Task<int> HoldAsync(RawOcppClient cp, string stationId, string userId)
    {
        await using var db = await DbAsync();
        var connector = await db.Connectors.Where(c => c.StationId == stationId && c.ConnectorId == 1).Select(c => c.Id).SingleAsync(Ct);
        var slot = ReservationService.FloorToSlot(DateTimeOffset.UtcNow, Slot);
        var reservationId = (await Service.BookAsync(userId, new BookingRequest(connector, slot, 60), Ct)).ReservationId!.Value;
        var run = ActivatorUtilities.CreateInstance<ReservationScheduler>(host.Services, new FakeClock(DateTimeOffset.UtcNow)).RunOnceAsync(Ct);
        await cp.RespondAsync(await cp.ExpectCallAsync("ReserveNow"), new JsonObject { ["status"] = "Accepted" });
        await run;
        (await Service.FindAsync(reservationId, Ct))!.Status.ShouldBe(ReservationStatus.Held);
        return reservationId;
    }

    private async Task<RawOcppClient> ConnectAsync(string id, string[] version)
    {
        var cp = await RawOcppClient.ConnectAsync(host.OcppUri, id, version);
        if (version == V16)
        {
            await cp.CallOkAsync("BootNotification", Boot16());
            await cp.CallOkAsync("StatusNotification", new JsonObject { ["connectorId"] = 1, ["errorCode"] = "NoError", ["status"] = "Available" });
        }
        else
        {
            await cp.CallOkAsync("BootNotification", Boot201());
            await cp.CallOkAsync("StatusNotification", new JsonObject { ["timestamp"] = Iso(DateTimeOffset.UtcNow), ["connectorStatus"] = "Available", ["evseId"] = 1, ["connectorId"] = 1 });
        }

        return cp;
    }

    private async Task<AppDbContext> DbAsync() => await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);

    private async Task<string> DriverIdAsync()
    {
        await using var db = await DbAsync();
        return await db.Users.Where(u => u.Email == "driver@chargeportal.local").Select(u => u.Id).SingleAsync(Ct);
    }
}
