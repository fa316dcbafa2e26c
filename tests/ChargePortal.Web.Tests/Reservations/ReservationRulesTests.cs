using System.Text.Json.Nodes;
using ChargePortal.Web.Accounts;
using ChargePortal.Web.Data;
using ChargePortal.Web.Payments;
using ChargePortal.Web.Reservations;
using ChargePortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChargePortal.Web.Tests.Ocpp.OcppTestData;

namespace ChargePortal.Web.Tests.Reservations;

/// <summary>What booking commits a driver to: a saved card, a limit of active reservations, and the no-show fee charged to the card.</summary>
public sealed class ReservationRulesTests(ReservationTestHost host) : IClassFixture<ReservationTestHost>
{
    private static readonly TimeSpan Slot = TimeSpan.FromMinutes(15);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ReservationService Service => host.Services.GetRequiredService<ReservationService>();

    [Fact]
    public async Task Without_a_saved_card_booking_is_refused_and_nothing_is_stored()
    {
        var user = await CreateUserAsync("no-card", card: null);
        var result = await Service.BookAsync(user, new BookingRequest(await ConnectorRefAsync("AMS-WP-02", 1), NextSlot().AddDays(3), 30), Ct);

        result.Outcome.ShouldBe(BookingOutcome.CardRequired);
        result.Error!.ShouldContain("Save a payment card first");
        await using var db = await DbAsync();
        (await db.Reservations.CountAsync(r => r.UserId == user, Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task A_driver_may_hold_at_most_the_configured_number_and_may_book_again_after_cancelling()
    {
        var user = await CreateUserAsync("limit");
        var connector = await ConnectorRefAsync("AMS-CS-01", 1);
        var t = NextSlot().AddDays(4);
        var max = Service.Limits.MaxActivePerDriver;
        max.ShouldBe(3);
        var ids = new List<int>();
        for (var i = 0; i < max; i++)
        {
            var booked = await Service.BookAsync(user, new BookingRequest(connector, t.AddHours(i), 15), Ct);
            booked.Outcome.ShouldBe(BookingOutcome.Booked, booked.Error);
            ids.Add(booked.ReservationId!.Value);
        }

        var refused = await Service.BookAsync(user, new BookingRequest(connector, t.AddHours(10), 15), Ct);
        refused.Outcome.ShouldBe(BookingOutcome.LimitReached);
        refused.Error!.ShouldContain("You already have 3 upcoming reservations");
        (await Service.ActiveCountAsync(user, Ct)).ShouldBe(3);

        // Another driver is not affected by this one's limit.
        (await Service.BookAsync(await CreateUserAsync("limit-other"), new BookingRequest(connector, t.AddHours(10), 15), Ct)).Outcome.ShouldBe(BookingOutcome.Booked);

        (await Service.CancelAsync(ids[0], user, asOperator: false, Ct)).Outcome.ShouldBe(CancelOutcome.Cancelled);
        (await Service.BookAsync(user, new BookingRequest(connector, t.AddHours(11), 15), Ct)).Outcome.ShouldBe(BookingOutcome.Booked);
    }

    [Fact]
    public async Task A_no_show_is_charged_to_the_saved_card_once_with_a_receipt_mailed()
    {
        var (reservationId, user, scheduler) = await NoShowAsync("RES-FEE-1", "fee");

        await using var db = await DbAsync();
        var reservation = await db.Reservations.SingleAsync(r => r.Id == reservationId, Ct);
        reservation.Status.ShouldBe(ReservationStatus.NoShow);
        var payment = await db.Payments.SingleAsync(p => p.Id == reservation.NoShowPaymentId, Ct);
        (payment.UserId, payment.Status, payment.CapturedAmount, payment.HoldAmount).ShouldBe((user, PaymentStatus.Captured, 2.50m, 2.50m));
        payment.Provider.ShouldBe(PaymentProviderKind.Simulated);
        payment.ProviderPaymentId.ShouldNotBeNullOrEmpty();
        reservation.StatusDetail!.ShouldContain("was charged to Visa •••• 4242");

        var view = (await Service.FindAsync(reservationId, Ct))!;
        view.NoShowPaymentStatus.ShouldBe(PaymentStatus.Captured);

        var receipt = Directory.GetFiles(host.MailDirectory, "*.eml").Select(File.ReadAllText)
            .SingleOrDefault(m => m.Contains($"no-show fee receipt — reservation {reservationId}", StringComparison.OrdinalIgnoreCase));
        receipt.ShouldNotBeNull();
        receipt.ShouldContain("2.50");

        // Later passes do not charge it again.
        await scheduler.RunOnceAsync(Ct);
        await host.Services.GetRequiredService<NoShowFees>().ChargeAsync(reservationId, Ct);
        await using var again = await DbAsync();
        (await again.Payments.CountAsync(p => p.UserId == user, Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task A_declined_card_leaves_the_fee_outstanding_with_the_reason_and_no_receipt()
    {
        var (reservationId, user, _) = await NoShowAsync("RES-FEE-2", "declined", card: "4000 0000 0000 0002");

        await using var db = await DbAsync();
        var paymentId = (await db.Reservations.SingleAsync(r => r.Id == reservationId, Ct)).NoShowPaymentId;
        var payment = await db.Payments.SingleAsync(p => p.Id == paymentId, Ct);
        (payment.Status, payment.CapturedAmount, payment.OutstandingAmount).ShouldBe((PaymentStatus.Failed, 0m, 2.50m));
        payment.FailureReason!.ShouldContain("declined");
        (await db.Payments.CountAsync(p => p.UserId == user, Ct)).ShouldBe(1);
        // The pickup folder exists only once some mail was written: run alone, this test may be the first.
        var mails = Directory.Exists(host.MailDirectory) ? Directory.GetFiles(host.MailDirectory, "*.eml") : [];
        mails.Select(File.ReadAllText).ShouldNotContain(m => m.Contains($"reservation {reservationId}", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Books, has the station hold it, lets the slot and grace pass unused: the scheduler marks it NoShow and charges.</summary>
    private async Task<(int ReservationId, string UserId, ReservationScheduler Scheduler)> NoShowAsync(string stationId, string name, string? card = "4242 4242 4242 4242")
    {
        await using var cp = await RawOcppClient.ConnectAsync(host.OcppUri, stationId, V16);
        await cp.CallOkAsync("BootNotification", Boot16());
        await cp.CallOkAsync("StatusNotification", new JsonObject { ["connectorId"] = 1, ["errorCode"] = "NoError", ["status"] = "Available" });
        var user = await CreateUserAsync(name, card);
        var start = NextSlot().AddHours(5);
        var booked = await Service.BookAsync(user, new BookingRequest(await ConnectorRefAsync(stationId, 1), start, 30), Ct);
        booked.Outcome.ShouldBe(BookingOutcome.Booked, booked.Error);

        var clock = new FakeClock(start.AddMinutes(-1));
        var scheduler = ActivatorUtilities.CreateInstance<ReservationScheduler>(host.Services, clock);
        var run = scheduler.RunOnceAsync(Ct);
        await cp.RespondAsync(await cp.ExpectCallAsync("ReserveNow"), new JsonObject { ["status"] = "Accepted" });
        await run;
        clock.Now = start.AddMinutes(30 + 10);
        await scheduler.RunOnceAsync(Ct);
        return (booked.ReservationId!.Value, user, scheduler);
    }

    private static DateTimeOffset NextSlot() => ReservationService.FloorToSlot(DateTimeOffset.UtcNow, Slot).Add(Slot);

    private async Task<AppDbContext> DbAsync() =>
        await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);

    private async Task<int> ConnectorRefAsync(string stationId, int connectorId)
    {
        await using var db = await DbAsync();
        return await db.Connectors.Where(c => c.StationId == stationId && c.ConnectorId == connectorId).Select(c => c.Id).SingleAsync(Ct);
    }

    private async Task<string> CreateUserAsync(string name, string? card = "4242 4242 4242 4242")
    {
        _ = host.BaseUri;
        using var scope = host.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"{name}-{Guid.NewGuid():N}@test.local";
        var user = new ApplicationUser { UserName = email, Email = email, CreatedAt = DateTimeOffset.UtcNow };
        (await users.CreateAsync(user)).Succeeded.ShouldBeTrue();
        if (card is not null)
        {
            await host.SaveTestCardAsync(user.Id, Ct, card);
        }

        return user.Id;
    }
}
