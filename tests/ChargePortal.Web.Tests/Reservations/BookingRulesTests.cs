using Bunit;
using ChargePortal.Web.Payments.Cards;
using ChargePortal.Web.Reservations.Pages;
using MudBlazor.Services;

namespace ChargePortal.Web.Tests.Reservations;

/// <summary>The rules a driver sees on the booking page before they book.</summary>
public sealed class BookingRulesTests : BunitContext
{
    private static readonly SavedCard Visa = new(null, "pm_sim_succeeds_x", "visa", "4242", 12, 2040);

    public BookingRulesTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void With_a_card_the_cancellation_rule_the_no_show_fee_on_that_card_and_the_limit_are_spelled_out()
    {
        var rules = Render<BookingRules>(p => p.Add(x => x.Card, Visa).Add(x => x.Fee, 2.50m).Add(x => x.Currency, "EUR")
            .Add(x => x.GraceMinutes, 10).Add(x => x.MaxActive, 3).Add(x => x.Active, 1));

        rules.Find("[data-testid=rule-cancel]").TextContent.ShouldContain("Cancel free of charge");
        rules.Find("[data-testid=rule-no-show]").TextContent.ShouldContain("no-show fee of €2.50");
        rules.Find("[data-testid=rule-no-show]").TextContent.ShouldContain("Visa •••• 4242");
        rules.Find("[data-testid=rule-limit]").TextContent.ShouldContain("at most 3 upcoming reservations at a time (you have 1)");
        rules.FindAll("[data-testid=card-required]").ShouldBeEmpty();
        BookingRules.MayBook(Visa, 1, 3).ShouldBeTrue();
    }

    [Fact]
    public void Without_a_card_the_page_says_to_add_one_and_booking_is_not_possible()
    {
        var rules = Render<BookingRules>(p => p.Add(x => x.Fee, 2.50m).Add(x => x.MaxActive, 3));

        rules.Find("[data-testid=card-required]").TextContent.ShouldContain("needs a saved payment card");
        rules.Find("[data-testid=card-required] a").GetAttribute("href").ShouldBe("/account/payment");
        BookingRules.MayBook(null, 0, 3).ShouldBeFalse();
    }

    [Fact]
    public void At_the_limit_the_page_says_to_cancel_one_first_and_without_a_fee_it_says_there_is_none()
    {
        var rules = Render<BookingRules>(p => p.Add(x => x.Card, Visa).Add(x => x.Fee, null).Add(x => x.MaxActive, 2).Add(x => x.Active, 2));

        rules.Find("[data-testid=limit-reached]").TextContent.ShouldContain("You already have 2 upcoming reservations");
        rules.Find("[data-testid=rule-no-show]").TextContent.ShouldContain("There is no fee");
        BookingRules.MayBook(Visa, 2, 2).ShouldBeFalse();
    }
}
