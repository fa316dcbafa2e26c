using ChargePortal.Web.Payments;
using ChargePortal.Web.Payments.Cards;

namespace ChargePortal.Web.Tests.Payments;

public sealed class TestCardCheckTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Every_known_test_number_passes_the_Luhn_check_and_a_changed_digit_fails_it()
    {
        foreach (var number in TestCardCheck.Known.Keys)
        {
            TestCardCheck.LuhnValid(number).ShouldBeTrue(number);
            var changed = number[..^1] + (char)('0' + ((number[^1] - '0' + 1) % 10));
            TestCardCheck.LuhnValid(changed).ShouldBeFalse(changed);
        }
    }

    [Theory]
    [InlineData("06/26", true)] // valid through the end of its month
    [InlineData("05/26", false)]
    [InlineData("6/2026", true)]
    [InlineData("12 / 30", true)]
    [InlineData("12-30", true)]
    public void Expiry_counts_to_the_end_of_its_month(string expiry, bool accepted)
    {
        var card = TestCardCheck.Check(new CardEntry("4242424242424242", expiry, "123"), Now, out var error);
        (card is not null).ShouldBe(accepted, error);
        if (!accepted)
        {
            error.ShouldBe("This card has expired.");
        }
    }

    [Theory]
    [InlineData("4242 4242 4242 4242", "visa", "4242", TestCardBehavior.Succeeds)]
    [InlineData("4242-4242-4242-4242", "visa", "4242", TestCardBehavior.Succeeds)]
    [InlineData("5555555555554444", "mastercard", "4444", TestCardBehavior.Succeeds)]
    [InlineData("4000 0000 0000 0002", "visa", "0002", TestCardBehavior.Declined)]
    [InlineData("4000 0000 0000 9995", "visa", "9995", TestCardBehavior.InsufficientFunds)]
    [InlineData("4000 0025 0000 3155", "visa", "3155", TestCardBehavior.RequiresAuthentication)]
    public void Test_numbers_give_brand_last4_and_behaviour(string number, string brand, string last4, TestCardBehavior behavior)
    {
        var card = TestCardCheck.Check(new CardEntry(number, "12/30", "123"), Now, out var error).ShouldNotBeNull(error);
        card.ShouldBe(new CheckedCard(brand, last4, 12, 2030, behavior));
    }

    [Theory]
    [InlineData(TestCardBehavior.Succeeds, true, null)]
    [InlineData(TestCardBehavior.Declined, false, "The card was declined (generic decline).")]
    [InlineData(TestCardBehavior.InsufficientFunds, false, "The card has insufficient funds.")]
    [InlineData(TestCardBehavior.RequiresAuthentication, false, StripePaymentProvider.NeedsAuthentication)]
    public async Task The_simulated_provider_holds_like_Stripe_test_cards(TestCardBehavior behavior, bool succeeds, string? error)
    {
        var pm = SimulatedPaymentProvider.NewPaymentMethodId(behavior);
        SimulatedPaymentProvider.BehaviorOf(pm).ShouldBe(behavior);
        var result = await new SimulatedPaymentProvider().PlaceHoldAsync(new HoldRequest(50m, "EUR", "t", "k", new Dictionary<string, string>(), null, pm), TestContext.Current.CancellationToken);
        result.Succeeded.ShouldBe(succeeds);
        result.Error.ShouldBe(error);
    }

    [Theory]
    [InlineData("pm_card_visa")]
    [InlineData("pm_sim_")]
    [InlineData("pm_sim_bogus_123")]
    [InlineData("pm_sim_99_123")]
    [InlineData("")]
    public async Task The_simulated_provider_refuses_a_card_it_did_not_save(string pm)
    {
        SimulatedPaymentProvider.BehaviorOf(pm).ShouldBeNull();
        var result = await new SimulatedPaymentProvider().PlaceHoldAsync(new HoldRequest(50m, "EUR", "t", "k", new Dictionary<string, string>(), null, pm), TestContext.Current.CancellationToken);
        result.Succeeded.ShouldBeFalse();
        result.Error.ShouldBe("This card was not saved in test mode; add it again.");
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("/stations/AMS-CS-01", true)]
    [InlineData("/", true)]
    [InlineData("//evil.example", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("https://evil.example/", false)]
    [InlineData("stations/x", false)]
    public void Only_paths_inside_the_portal_are_return_targets(string? path, bool local)
    {
        (CardLinks.LocalPath(path) is not null).ShouldBe(local);
    }
}
