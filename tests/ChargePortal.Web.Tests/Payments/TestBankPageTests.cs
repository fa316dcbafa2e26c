using System.Net;
using ChargePortal.Web.Data;
using ChargePortal.Web.Payments;
using ChargePortal.Web.Payments.Pages;
using ChargePortal.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ChargePortal.Web.Tests.Payments;

/// <summary>The test-mode bank page (3-D Secure stand-in): only the driver whose hold waits for it sees its buttons.</summary>
public sealed class TestBankPageTests(ChargePortalFactory factory) : IClassFixture<ChargePortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_driver_sees_their_waiting_hold_and_nobody_else_sees_anything()
    {
        var driverId = await factory.UserIdAsync(DemoSeeder.DriverEmail);
        var card = await factory.SaveBankCheckedTestCardAsync(driverId, Ct);
        var (payment, bank) = await factory.Services.GetRequiredService<PaymentService>()
            .PlaceHoldAsync(driverId, card, "AMS-CS-02", 1, "APP-BANKPAGE01", "EUR", new Uri("http://localhost/charging/confirmed"), Ct);
        payment.Status.ShouldBe(PaymentStatus.AwaitingAuthentication);
        bank!.OriginalString.ShouldBe(TestBank.PageFor(payment.ProviderPaymentId!).OriginalString);

        var own = WebUtility.HtmlDecode(await (await SignedInAsync(DemoSeeder.DriverEmail)).GetStringAsync(bank.OriginalString, Ct));
        own.ShouldContain("data-testid=\"test-bank-confirm\"");
        own.ShouldContain("Hold of €50.00 for charging at AMS-CS-02");
        own.ShouldContain("Test mode — no real bank is contacted.");

        var foreign = await (await SignedInAsync(DemoSeeder.OperatorEmail)).GetStringAsync(bank.OriginalString, Ct);
        foreign.ShouldContain("data-testid=\"test-bank-missing\"");
        foreign.ShouldNotContain("test-bank-confirm");

        var anonymous = await factory.CreateBrowserLikeClient().GetAsync(bank.OriginalString, Ct);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        anonymous.Headers.Location!.OriginalString.ShouldContain("/Account/Login");
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = factory.CreateBrowserLikeClient();
        (await client.SignInAsync(email, ChargePortalFactory.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }
}
