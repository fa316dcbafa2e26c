using System.Net;
using System.Security.Claims;
using Bunit;
using ChargePortal.Web.Accounts;
using ChargePortal.Web.Data;
using ChargePortal.Web.Payments;
using ChargePortal.Web.Payments.Cards;
using ChargePortal.Web.Payments.Pages;
using ChargePortal.Web.Tests.Infrastructure;
using ChargePortal.Web.Transactions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace ChargePortal.Web.Tests.Payments;

/// <summary>
/// The operator's payments page (/operator/payments) over the real host and SQLite with the simulated provider:
/// who may open it, what it lists, and the refund action (bUnit on the page with the host's own services).
/// </summary>
public sealed class PaymentsPageTests : BunitContext, IClassFixture<ChargePortalFactory>
{
    private readonly ChargePortalFactory _factory;

    public PaymentsPageTests(ChargePortalFactory factory)
    {
        _factory = factory;
        _ = factory.Server;
        DefaultWaitTimeout = TimeSpan.FromSeconds(30); // real database work behind the page, on busy cores
        Services.AddMudServices();
        Services.AddSingleton(factory.Services.GetRequiredService<PaymentService>());
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private PaymentService Payments => _factory.Services.GetRequiredService<PaymentService>();

    /// <summary>The demo driver's seeded test card, which holds are placed on.</summary>
    private async Task<SavedCard> CardOfAsync(string userId) =>
        await _factory.Services.GetRequiredService<PaymentCards>().GetAsync(userId, Ct) ?? throw new InvalidOperationException("The demo driver has no saved card.");

    private async Task<AppDbContext> DbAsync() => await _factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);

    private async Task<string> UserIdAsync(string email)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!.Id;
    }

    /// <summary>A finished session of driver@ with its hold captured for <paramref name="cost"/> (the real settle path).</summary>
    private async Task<Payment> CapturedAsync(decimal cost)
    {
        var driverId = await UserIdAsync(DemoSeeder.DriverEmail);
        var idTag = "APP-" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
        long transactionId;
        await using (var db = await DbAsync())
        {
            var tx = new ChargingTransaction
            {
                StationId = "AMS-CS-01", EvseId = 1, ConnectorId = 1, OcppTransactionId = idTag, IdTag = idTag, UserId = driverId,
                StartedAt = DateTimeOffset.UtcNow.AddHours(-1), StoppedAt = DateTimeOffset.UtcNow, EnergyWh = 10_000,
                Status = TransactionStatus.Completed, Cost = cost, Currency = "EUR",
            };
            db.Transactions.Add(tx);
            await db.SaveChangesAsync(Ct);
            transactionId = tx.Id;
        }

        var hold = await Payments.PlaceHoldAsync(driverId, await CardOfAsync(driverId), "AMS-CS-01", 1, idTag, "EUR", Ct);
        (await Payments.LinkAsync("AMS-CS-01", idTag, transactionId, Ct)).ShouldBeTrue();
        await Payments.SettleAsync(transactionId, cost, Ct);
        var payment = await PaymentAsync(hold.Id);
        payment.Status.ShouldBe(PaymentStatus.Captured);
        return payment;
    }

    private async Task<Payment> PaymentAsync(int id)
    {
        await using var db = await DbAsync();
        return await db.Payments.AsNoTracking().SingleAsync(p => p.Id == id, Ct);
    }

    private async Task<int> RefundAuditCountAsync()
    {
        await using var db = await DbAsync();
        return await db.AuditEntries.CountAsync(a => a.Action == "payment.refund", Ct);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Redirect, "/Account/Login")]
    [InlineData(DemoSeeder.DriverEmail, HttpStatusCode.Redirect, "/Account/AccessDenied")]
    [InlineData(DemoSeeder.OwnerEmail, HttpStatusCode.Redirect, "/Account/AccessDenied")]
    [InlineData(DemoSeeder.OperatorEmail, HttpStatusCode.OK, null)]
    [InlineData(DemoSeeder.AdminEmail, HttpStatusCode.OK, null)]
    public async Task Only_operators_and_admins_open_the_payments_page(string? email, HttpStatusCode status, string? redirect)
    {
        var payment = await CapturedAsync(2.50m);
        var client = _factory.CreateBrowserLikeClient();
        if (email is not null)
        {
            (await client.SignInAsync(email, ChargePortalFactory.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var response = await client.GetAsync("/operator/payments", Ct);
        response.StatusCode.ShouldBe(status);
        var body = await response.Content.ReadAsStringAsync(Ct);
        if (redirect is not null)
        {
            response.Headers.Location!.ToString().ShouldContain(redirect);
            body.ShouldNotContain($"refund-{payment.Id}");
            body.ShouldNotContain(DemoSeeder.DriverEmail);
        }
        else
        {
            body.ShouldContain("data-testid=\"payments-table\"");
            body.ShouldContain($"data-testid=\"refund-{payment.Id}\"");
        }
    }

    [Fact]
    public async Task It_lists_payments_newest_first_with_payer_amounts_and_refund_only_where_money_was_captured()
    {
        var captured = await CapturedAsync(3.90m);
        var driverId = await UserIdAsync(DemoSeeder.DriverEmail);
        var released = await Payments.PlaceHoldAsync(driverId, await CardOfAsync(driverId), "AMS-CS-02", 1, "APP-RELEASED01", "EUR", Ct);
        await Payments.ReleaseAsync(released.Id, "Remote start not accepted", Ct);
        await AddOperatorAsync();

        var page = Render<PaymentsPage>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=payments-table] tbody tr").Count.ShouldBeGreaterThanOrEqualTo(2));
        page.Find("[data-testid=payments-test-mode]").TextContent.ShouldContain("Simulated payments — test mode, no real charge.");
        var rows = page.FindAll("[data-testid=payments-table] tbody tr");
        var ids = rows.Select(r => int.Parse(r.QuerySelector("td")!.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        ids.ShouldBe(ids.OrderDescending().ToList(), "newest first");

        var capturedRow = rows.Single(r => r.QuerySelector("td")!.TextContent.Trim() == captured.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        capturedRow.TextContent.ShouldContain(DemoSeeder.DriverEmail);
        capturedRow.TextContent.ShouldContain("Captured");
        capturedRow.TextContent.ShouldContain("€50.00"); // held
        capturedRow.TextContent.ShouldContain("€3.90"); // captured
        capturedRow.QuerySelector($"a[href='/sessions/{captured.TransactionId}']").ShouldNotBeNull();
        capturedRow.QuerySelector($"[data-testid=refund-{captured.Id}]").ShouldNotBeNull();

        var releasedRow = rows.Single(r => r.QuerySelector("td")!.TextContent.Trim() == released.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        releasedRow.TextContent.ShouldContain("Cancelled");
        releasedRow.TextContent.ShouldContain("Remote start not accepted");
        releasedRow.QuerySelector($"[data-testid=refund-{released.Id}]").ShouldBeNull("nothing was captured, so nothing can be refunded");
    }

    [Fact]
    public async Task Refund_asks_first_then_refunds_what_is_left_and_cancel_changes_nothing()
    {
        var payment = await CapturedAsync(4.20m);
        await AddOperatorAsync();
        var dialogs = Render<MudDialogProvider>();
        var page = Render<PaymentsPage>();
        page.WaitForElement($"[data-testid=refund-{payment.Id}]");

        // Cancel: nothing happens.
        var cancelled = ClickRefund(page, payment.Id);
        dialogs.WaitForAssertion(() => DialogText(dialogs).ShouldContain($"Refund the remaining €4.20 of payment {payment.Id} to the driver's card?"));
        await Answer(dialogs, "Cancel");
        await cancelled;
        dialogs.WaitForAssertion(() => dialogs.FindAll(".mud-dialog").ShouldBeEmpty());
        (await PaymentAsync(payment.Id)).ShouldSatisfyAllConditions(p => p.Status.ShouldBe(PaymentStatus.Captured), p => p.RefundedAmount.ShouldBe(0m));

        // Confirm: the rest of the captured amount goes back.
        var auditBefore = await RefundAuditCountAsync();
        var confirmed = ClickRefund(page, payment.Id);
        dialogs.WaitForAssertion(() => DialogText(dialogs).ShouldContain("Refund the remaining"));
        await Answer(dialogs, "Refund");
        await confirmed;
        page.WaitForAssertion(() => Snackbars().ShouldContain("Refunded 4.20 EUR."));
        var refunded = await PaymentAsync(payment.Id);
        refunded.Status.ShouldBe(PaymentStatus.Refunded);
        refunded.RefundedAmount.ShouldBe(4.20m);
        (await RefundAuditCountAsync()).ShouldBe(auditBefore + 1);
        page.WaitForAssertion(() => page.FindAll($"[data-testid=refund-{payment.Id}]").ShouldBeEmpty());
    }

    [Fact]
    public async Task A_refund_from_a_stale_page_after_someone_else_refunded_is_refused_and_changes_nothing()
    {
        var payment = await CapturedAsync(6.00m);
        await AddOperatorAsync();
        var dialogs = Render<MudDialogProvider>();
        var page = Render<PaymentsPage>();
        page.WaitForElement($"[data-testid=refund-{payment.Id}]");

        // Another operator refunds everything meanwhile; this page still shows the button.
        (await Payments.RefundAsync(payment.Id, 6.00m, "other operator", null, Ct)).Succeeded.ShouldBeTrue();
        var auditBefore = await RefundAuditCountAsync();

        var stale = ClickRefund(page, payment.Id);
        dialogs.WaitForAssertion(() => DialogText(dialogs).ShouldContain("Refund the remaining €6.00"));
        await Answer(dialogs, "Refund");
        await stale;

        page.WaitForAssertion(() => Snackbars().ShouldContain("Only captured payments can be refunded; this one is Refunded."));
        var after = await PaymentAsync(payment.Id);
        after.RefundedAmount.ShouldBe(6.00m, "refunded once, not twice");
        after.Status.ShouldBe(PaymentStatus.Refunded);
        (await RefundAuditCountAsync()).ShouldBe(auditBefore);
    }

    [Theory]
    [InlineData("5.01")]
    [InlineData("0")]
    [InlineData("-1")]
    public async Task Refunding_more_than_was_captured_or_nothing_is_refused_and_changes_nothing(string amount)
    {
        var payment = await CapturedAsync(5.00m);
        await Payments.RefundAsync(payment.Id, 1.00m, "op", null, Ct);
        var auditBefore = await RefundAuditCountAsync();

        var outcome = await Payments.RefundAsync(payment.Id, decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), "op", null, Ct);

        outcome.Succeeded.ShouldBeFalse();
        outcome.Message.ShouldBe("The refund must be more than 0 and at most 4.00 EUR.");
        var after = await PaymentAsync(payment.Id);
        after.Status.ShouldBe(PaymentStatus.PartiallyRefunded);
        after.RefundedAmount.ShouldBe(1.00m);
        after.CapturedAmount.ShouldBe(5.00m);
        (await RefundAuditCountAsync()).ShouldBe(auditBefore);
    }

    [Fact]
    public async Task Refunding_an_unknown_or_uncaptured_payment_is_refused()
    {
        (await Payments.RefundAsync(987_654, 1m, "op", null, Ct)).Message.ShouldBe("No such payment.");
        var driverId = await UserIdAsync(DemoSeeder.DriverEmail);
        var held = await Payments.PlaceHoldAsync(driverId, await CardOfAsync(driverId), "AMS-CS-02", 1, "APP-HELD000001", "EUR", Ct);
        var outcome = await Payments.RefundAsync(held.Id, 1m, "op", null, Ct);
        outcome.Message.ShouldBe("Only captured payments can be refunded; this one is Authorized.");
        (await PaymentAsync(held.Id)).ShouldSatisfyAllConditions(p => p.Status.ShouldBe(PaymentStatus.Authorized), p => p.RefundedAmount.ShouldBe(0m));
    }

    private static string DialogText(IRenderedComponent<MudDialogProvider> dialogs) => dialogs.Find(".mud-dialog").TextContent;

    private List<string> Snackbars() => [.. Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message ?? "")];

    private async Task AddOperatorAsync()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized(DemoSeeder.OperatorEmail);
        auth.SetRoles(Roles.Operator);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, await UserIdAsync(DemoSeeder.OperatorEmail)));
    }

    /// <summary>Clicks a page's refund button; the click completes only once the confirmation is answered, so it is not awaited here.</summary>
    private static Task ClickRefund(IRenderedComponent<PaymentsPage> page, int paymentId) =>
        page.Find($"[data-testid=refund-{paymentId}]").ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());

    private static Task Answer(IRenderedComponent<MudDialogProvider> dialogs, string button) =>
        dialogs.FindAll("button").Single(b => b.TextContent.Trim().Equals(button, StringComparison.OrdinalIgnoreCase))
            .ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());
}
