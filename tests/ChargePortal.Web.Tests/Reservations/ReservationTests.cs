using System.Text.Json.Nodes;
using ChargePortal.Web.Accounts;
using ChargePortal.Web.Data;
using ChargePortal.Web.Reservations;
using ChargePortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChargePortal.Web.Tests.Ocpp.OcppTestData;

namespace ChargePortal.Web.Tests.Reservations;

public sealed class ReservationTests(ReservationTestHost host) : IClassFixture<ReservationTestHost>
{
    private static readonly TimeSpan Slot = TimeSpan.FromMinutes(15);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ReservationService Service => host.Services.GetRequiredService<ReservationService>();

    [Fact]
    public async Task Twenty_parallel_bookings_of_overlapping_slots_leave_exactly_one()
    {
        var connector = await ConnectorRefAsync("AMS-WP-01", 1);
        var users = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            users.Add(await CreateUserAsync($"racer{i}"));
        }

        // Every window overlaps every other: starts 0..45 min apart, each an hour long.
        var t = NextSlot().AddDays(1);
        var results = await Task.WhenAll(users.Select((user, i) =>
            Task.Run(() => Service.BookAsync(user, new BookingRequest(connector, t.AddMinutes(15 * (i % 4)), 60), Ct), Ct)));

        results.Count(r => r.Outcome == BookingOutcome.Booked).ShouldBe(1);
        results.Count(r => r.Outcome == BookingOutcome.SlotTaken).ShouldBe(19);
        results.Where(r => r.Outcome == BookingOutcome.SlotTaken).ShouldAllBe(r => r.Error!.Contains("Someone else"));

        await using var db = await DbAsync();
        (await db.Reservations.CountAsync(r => r.ConnectorRefId == connector, Ct)).ShouldBe(1);
        (await db.ReservationSlots.CountAsync(s => s.ConnectorRefId == connector, Ct)).ShouldBe(4);
    }

    [Fact]
    public async Task Adjacent_slots_both_succeed_and_an_overlap_is_refused()
    {
        var connector = await ConnectorRefAsync("AMS-WP-02", 1);
        var a = await CreateUserAsync("adjacent-a");
        var b = await CreateUserAsync("adjacent-b");
        var t = NextSlot().AddDays(2);

        (await Service.BookAsync(a, new BookingRequest(connector, t, 30), Ct)).Outcome.ShouldBe(BookingOutcome.Booked);
        (await Service.BookAsync(b, new BookingRequest(connector, t.AddMinutes(30), 30), Ct)).Outcome.ShouldBe(BookingOutcome.Booked);
        (await Service.BookAsync(b, new BookingRequest(connector, t.AddMinutes(15), 15), Ct)).Outcome.ShouldBe(BookingOutcome.SlotTaken);
        var mine = (await Service.ListForUserAsync(b, Ct)).ShouldHaveSingleItem();
        (mine.StationId, mine.ConnectorId, mine.Status, mine.StartsAt).ShouldBe(("AMS-WP-02", 1, ReservationStatus.Booked, t.AddMinutes(30)));
        (await Service.ListAllAsync(t.AddDays(-1), Ct)).Count(r => r.ConnectorRefId == connector).ShouldBe(2);

        // Another connector of the same station is independent.
        var other = await ConnectorRefAsync("AMS-WP-02", 2);
        (await Service.BookAsync(b, new BookingRequest(other, t.AddMinutes(15), 15), Ct)).Outcome.ShouldBe(BookingOutcome.Booked);
    }

    [Theory]
    [InlineData(7, 60, "starts on a 15-minute boundary")]
    [InlineData(0, 135, "duration must be 15 to 120 minutes")]
    [InlineData(0, 20, "duration must be 15 to 120 minutes")]
    [InlineData(0, 0, "duration must be 15 to 120 minutes")]
    public async Task Requests_outside_the_limits_are_refused_with_the_reason(int offsetMinutes, int duration, string reason)
    {
        var connector = await ConnectorRefAsync("AMS-WP-03", 1);
        var user = await CreateUserAsync($"limits-{offsetMinutes}-{duration}");
        var result = await Service.BookAsync(user, new BookingRequest(connector, NextSlot().AddHours(3).AddMinutes(offsetMinutes), duration), Ct);
        result.Outcome.ShouldBe(BookingOutcome.Invalid);
        result.Error.ShouldNotBeNull().ShouldContain(reason);
        await using var db = await DbAsync();
        (await db.Reservations.AnyAsync(r => r.UserId == user, Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task Past_far_future_and_unknown_connector_are_refused()
    {
        var connector = await ConnectorRefAsync("AMS-WP-03", 1);
        var user = await CreateUserAsync("limits-time");
        (await Service.BookAsync(user, new BookingRequest(connector, NextSlot().AddHours(-2), 30), Ct)).Error.ShouldNotBeNull().ShouldContain("passed");
        (await Service.BookAsync(user, new BookingRequest(connector, NextSlot().AddDays(8), 30), Ct)).Error.ShouldNotBeNull().ShouldContain("7 days");
        (await Service.BookAsync(user, new BookingRequest(999_999, NextSlot().AddHours(1), 30), Ct)).Error.ShouldNotBeNull().ShouldContain("no such connector");
    }

    [Fact]
    public async Task Scheduler_sends_ReserveNow_at_lead_time_records_Held_and_cancel_sends_CancelReservation()
    {
        const string id = "RES-16-A";
        await using var cp = await ConnectStationAsync(id, V16);
        var connector = await ConnectorRefAsync(id, 1);
        var user = await CreateUserAsync("scheduled");
        var start = NextSlot().AddHours(2);
        var booked = await Service.BookAsync(user, new BookingRequest(connector, start, 30), Ct);
        booked.Outcome.ShouldBe(BookingOutcome.Booked);
        var reservationId = booked.ReservationId!.Value;

        // Six minutes before: not yet due.
        var clock = new FakeClock(start.AddMinutes(-6));
        var scheduler = ActivatorUtilities.CreateInstance<ReservationScheduler>(host.Services, clock);
        await scheduler.RunOnceAsync(Ct);
        (await Service.FindAsync(reservationId, Ct))!.Status.ShouldBe(ReservationStatus.Booked);

        // Five minutes before (the lead time): ReserveNow with expiry = end + grace, the reservation id and the app token.
        clock.Now = start.AddMinutes(-5);
        var run = scheduler.RunOnceAsync(Ct);
        var call = await cp.ExpectCallAsync("ReserveNow");
        var payload = call[3]!.AsObject();
        payload["connectorId"]!.GetValue<int>().ShouldBe(1);
        payload["reservationId"]!.GetValue<int>().ShouldBe(reservationId);
        payload["idTag"]!.GetValue<string>().ShouldStartWith("APP-");
        payload["idTag"]!.GetValue<string>().Length.ShouldBeLessThanOrEqualTo(20);
        DateTimeOffset.Parse(payload["expiryDate"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(start.AddMinutes(30 + 10));
        await cp.RespondAsync(call, new JsonObject { ["status"] = "Accepted" });
        await run;
        (await Service.FindAsync(reservationId, Ct))!.Status.ShouldBe(ReservationStatus.Held);

        // The driver cancels: CancelReservation goes out and the slots are free again.
        var cancel = Service.CancelAsync(reservationId, user, asOperator: false, Ct);
        var cancelCall = await cp.ExpectCallAsync("CancelReservation");
        cancelCall[3]!["reservationId"]!.GetValue<int>().ShouldBe(reservationId);
        await cp.RespondAsync(cancelCall, new JsonObject { ["status"] = "Accepted" });
        (await cancel).Outcome.ShouldBe(CancelOutcome.Cancelled);
        (await Service.FindAsync(reservationId, Ct))!.Status.ShouldBe(ReservationStatus.Cancelled);
        (await Service.CancelAsync(reservationId, user, asOperator: false, Ct)).Outcome.ShouldBe(CancelOutcome.NotCancellable);

        var other = await CreateUserAsync("after-cancel");
        (await Service.BookAsync(other, new BookingRequest(connector, start, 30), Ct)).Outcome.ShouldBe(BookingOutcome.Booked);
    }

    [Fact]
    public async Task A_refused_ReserveNow_marks_Rejected_and_frees_the_slot()
    {
        const string id = "RES-16-R";
        await using var cp = await ConnectStationAsync(id, V16);
        var connector = await ConnectorRefAsync(id, 1);
        var user = await CreateUserAsync("rejected");
        var start = NextSlot().AddHours(3);
        var reservationId = (await Service.BookAsync(user, new BookingRequest(connector, start, 15), Ct)).ReservationId!.Value;

        var scheduler = ActivatorUtilities.CreateInstance<ReservationScheduler>(host.Services, new FakeClock(start.AddMinutes(-2)));
        var run = scheduler.RunOnceAsync(Ct);
        var call = await cp.ExpectCallAsync("ReserveNow");
        await cp.RespondAsync(call, new JsonObject { ["status"] = "Occupied" });
        await run;

        var view = (await Service.FindAsync(reservationId, Ct))!;
        view.Status.ShouldBe(ReservationStatus.Rejected);
        view.StatusDetail.ShouldNotBeNull().ShouldContain("Occupied");
        (await Service.BookAsync(await CreateUserAsync("rejected-next"), new BookingRequest(connector, start, 15), Ct)).Outcome.ShouldBe(BookingOutcome.Booked);
    }

    [Fact]
    public async Task A_held_reservation_nobody_used_becomes_NoShow_after_the_grace_with_the_fee_recorded()
    {
        const string id = "RES-16-N";
        await using var cp = await ConnectStationAsync(id, V16);
        var connector = await ConnectorRefAsync(id, 1);
        var user = await CreateUserAsync("noshow");
        var start = NextSlot().AddHours(4);
        var reservationId = (await Service.BookAsync(user, new BookingRequest(connector, start, 30), Ct)).ReservationId!.Value;

        var clock = new FakeClock(start.AddMinutes(-1));
        var scheduler = ActivatorUtilities.CreateInstance<ReservationScheduler>(host.Services, clock);
        var run = scheduler.RunOnceAsync(Ct);
        await cp.RespondAsync(await cp.ExpectCallAsync("ReserveNow"), new JsonObject { ["status"] = "Accepted" });
        await run;

        clock.Now = start.AddMinutes(30 + 9);
        await scheduler.RunOnceAsync(Ct);
        (await Service.FindAsync(reservationId, Ct))!.Status.ShouldBe(ReservationStatus.Held);

        clock.Now = start.AddMinutes(30 + 10);
        await scheduler.RunOnceAsync(Ct);
        var view = (await Service.FindAsync(reservationId, Ct))!;
        view.Status.ShouldBe(ReservationStatus.NoShow);
        view.NoShowFee.ShouldBe(2.50m);
    }

    [Fact]
    public async Task Ocpp16_start_by_another_idTag_during_a_held_slot_is_refused_and_the_owner_may_start()
    {
        const string id = "RES-16-G";
        await using var cp = await ConnectStationAsync(id, V16);
        var connector = await ConnectorRefAsync(id, 1);
        var driver = await DriverIdAsync();
        var now = DateTimeOffset.UtcNow;
        var reservationId = (await Service.BookAsync(driver, new BookingRequest(connector, NextSlot().AddMinutes(-15), 60), Ct)).ReservationId!.Value;

        var scheduler = ActivatorUtilities.CreateInstance<ReservationScheduler>(host.Services, new FakeClock(now));
        var run = scheduler.RunOnceAsync(Ct);
        await cp.RespondAsync(await cp.ExpectCallAsync("ReserveNow"), new JsonObject { ["status"] = "Accepted" });
        await run;
        (await Service.HeldNowAsync(id, Ct)).ShouldHaveSingleItem().UserId.ShouldBe(driver);

        var intruder = await cp.CallOkAsync("StartTransaction", new JsonObject { ["connectorId"] = 1, ["idTag"] = "DEMO-FLEET-001", ["meterStart"] = 0, ["timestamp"] = Iso(now) });
        intruder["idTagInfo"]!["status"]!.GetValue<string>().ShouldBe("Invalid");
        (await Service.FindAsync(reservationId, Ct))!.Status.ShouldBe(ReservationStatus.Held);

        // The driver's own RFID card (same user as the reservation) is welcome and uses the reservation up.
        var owner = await cp.CallOkAsync("StartTransaction", new JsonObject { ["connectorId"] = 1, ["idTag"] = "DEMO-DRIVER-CARD", ["meterStart"] = 0, ["timestamp"] = Iso(now.AddSeconds(5)), ["reservationId"] = reservationId });
        owner["idTagInfo"]!["status"]!.GetValue<string>().ShouldBe("Accepted");
        (await Service.FindAsync(reservationId, Ct))!.Status.ShouldBe(ReservationStatus.Used);
    }

    [Fact]
    public async Task Ocpp201_started_event_by_another_token_during_a_held_slot_is_refused()
    {
        const string id = "RES-201-G";
        await using var cp = await ConnectStationAsync(id, V201);
        var connector = await ConnectorRefAsync(id, 1);
        var user = await CreateUserAsync("holder201");
        var now = DateTimeOffset.UtcNow;
        await Service.BookAsync(user, new BookingRequest(connector, NextSlot().AddMinutes(-15), 60), Ct);

        var scheduler = ActivatorUtilities.CreateInstance<ReservationScheduler>(host.Services, new FakeClock(now));
        var run = scheduler.RunOnceAsync(Ct);
        var call = await cp.ExpectCallAsync("ReserveNow");
        call[3]!["evseId"]!.GetValue<int>().ShouldBe(1);
        await cp.RespondAsync(call, new JsonObject { ["status"] = "Accepted" });
        await run;

        var answer = await cp.CallOkAsync("TransactionEvent", new JsonObject
        {
            ["eventType"] = "Started",
            ["timestamp"] = Iso(now),
            ["triggerReason"] = "Authorized",
            ["seqNo"] = 0,
            ["transactionInfo"] = new JsonObject { ["transactionId"] = "tx-intruder" },
            ["idToken"] = new JsonObject { ["idToken"] = "DEMO-FLEET-001", ["type"] = "ISO14443" },
            ["evse"] = new JsonObject { ["id"] = 1, ["connectorId"] = 1 },
        });
        answer["idTokenInfo"]!["status"]!.GetValue<string>().ShouldBe("NotAtThisTime");
    }

    private static DateTimeOffset NextSlot()
    {
        var now = DateTimeOffset.UtcNow;
        return ReservationService.FloorToSlot(now, Slot).Add(Slot);
    }

    private async Task<RawOcppClient> ConnectStationAsync(string id, string[] version)
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

    private async Task<AppDbContext> DbAsync() =>
        await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);

    private async Task<int> ConnectorRefAsync(string stationId, int connectorId)
    {
        await using var db = await DbAsync();
        return await db.Connectors.Where(c => c.StationId == stationId && c.ConnectorId == connectorId).Select(c => c.Id).SingleAsync(Ct);
    }

    private async Task<string> DriverIdAsync()
    {
        await using var db = await DbAsync();
        return await db.Users.Where(u => u.Email == "driver@chargeportal.local").Select(u => u.Id).SingleAsync(Ct);
    }

    private async Task<string> CreateUserAsync(string name)
    {
        using var scope = host.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = $"{name}-{Guid.NewGuid():N}@test.local", Email = $"{name}@test.local", CreatedAt = DateTimeOffset.UtcNow };
        (await users.CreateAsync(user)).Succeeded.ShouldBeTrue();
        await host.SaveTestCardAsync(user.Id, Ct); // booking needs a saved card
        return user.Id;
    }
}
