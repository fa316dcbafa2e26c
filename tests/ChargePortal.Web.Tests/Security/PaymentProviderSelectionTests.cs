using System.Net;
using ChargePortal.Web.Accounts;
using ChargePortal.Web.Payments;
using ChargePortal.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ChargePortal.Web.Tests.Security;

/// <summary>DESIGN.md "Payments": outside Development the simulated provider runs only when Payments:Provider=Simulated.</summary>
public sealed class PaymentProviderSelectionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Production_without_a_Stripe_key_refuses_to_start_and_names_the_setting()
    {
        await using var factory = new ProductionWithoutPaymentsFactory();
        var failure = Should.Throw<Exception>(() => factory.CreateClient());
        var messages = Flatten(failure);
        messages.ShouldContain("Payments:Provider=Simulated");
        messages.ShouldContain("Stripe:SecretKey");
    }

    [Fact]
    public async Task Production_with_the_simulated_provider_enabled_starts_warns_and_has_the_test_bank()
    {
        await using var factory = new ProductionChargePortalFactory();
        factory.Services.GetRequiredService<IPaymentProvider>().Kind.ShouldBe(PaymentProviderKind.Simulated);
        factory.Logs.Text.ShouldContain("Payments use the SIMULATED provider", Case.Sensitive);

        await factory.CreateUserAsync("sim-driver@example.com", "Driver-Pass-1", Roles.Driver);
        var client = factory.CreateBrowserLikeClient();
        (await client.SignInAsync("sim-driver@example.com", "Driver-Pass-1")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetAsync("/payments/test-bank?payment_intent=pi_none", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetStringAsync("/account/payment", Ct)).ShouldContain("data-testid=\"test-card-form\"");
    }

    [Fact]
    public async Task With_Stripe_there_is_no_test_bank_page_and_no_test_card_form()
    {
        await using var factory = new ProductionWithStripeFactory();
        factory.Services.GetRequiredService<IPaymentProvider>().Kind.ShouldBe(PaymentProviderKind.Stripe);
        factory.Logs.Text.ShouldNotContain("SIMULATED provider", Case.Sensitive);

        await factory.CreateUserAsync("stripe-driver@example.com", "Driver-Pass-1", Roles.Driver);
        var client = factory.CreateBrowserLikeClient();
        (await client.SignInAsync("stripe-driver@example.com", "Driver-Pass-1")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetAsync("/payments/test-bank?payment_intent=pi_none", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var cardPage = await client.GetStringAsync("/account/payment", Ct);
        cardPage.ShouldNotContain("test-card-form");
        cardPage.ShouldContain("add-card-stripe");
    }

    [Fact]
    public async Task Development_without_a_Stripe_key_runs_the_simulated_provider_without_a_warning()
    {
        await using var factory = new ChargePortalFactory();
        factory.Services.GetRequiredService<IPaymentProvider>().Kind.ShouldBe(PaymentProviderKind.Simulated);
    }

    [Fact]
    public async Task Provider_Stripe_without_a_key_refuses_to_start()
    {
        await using var factory = new ProductionWithoutPaymentsFactory(("Payments:Provider", "Stripe"));
        Flatten(Should.Throw<Exception>(() => factory.CreateClient())).ShouldContain("Payments:Provider=Stripe needs Stripe:SecretKey");
    }

    private static string Flatten(Exception e) => e is AggregateException a
        ? string.Join(" ", a.InnerExceptions.Select(Flatten))
        : e.Message + (e.InnerException is { } inner ? " " + Flatten(inner) : "");

    private sealed class ProductionWithoutPaymentsFactory(params (string Key, string Value)[] extra) : ProductionChargePortalFactory
    {
        protected override IDictionary<string, string?> Settings => extra.ToDictionary(e => e.Key, e => (string?)e.Value);
    }

    private sealed class ProductionWithStripeFactory : ProductionChargePortalFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Stripe:SecretKey"] = "sk_test_not_a_real_key",
            ["Stripe:ApiBase"] = "http://127.0.0.1:9/", // never called by these pages
            ["Hosting:PublicBaseUrl"] = PublicBaseUrl,
        };
    }
}
