using Bunit;
using ChargePortal.Web.Payments.Cards;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace ChargePortal.Web.Tests.Payments;

/// <summary>The test-mode add-card form: names the problem before anything is sent, shows the service's refusal, clears on success.</summary>
public sealed class TestCardFormTests : BunitContext
{
    private readonly List<CardEntry> _saved = [];
    private CardOutcome _answer = new(true, "Visa •••• 4242 saved. Test mode — no real charge.");

    public TestCardFormTests()
    {
        Services.AddMudServices();
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 6, 15, 12, 0, 0, TimeSpan.Zero)));
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private IRenderedComponent<TestCardForm> Render(Action<CardOutcome>? onSaved = null) => Render<TestCardForm>(p => p
        .Add(x => x.Save, entry =>
        {
            _saved.Add(entry);
            return Task.FromResult(_answer);
        })
        .Add(x => x.OnSaved, outcome => onSaved?.Invoke(outcome)));

    private static void Fill(IRenderedComponent<TestCardForm> form, string number, string expiry, string cvc)
    {
        form.Find("[data-testid=card-number]").Input(number);
        form.Find("[data-testid=card-expiry]").Input(expiry);
        form.Find("[data-testid=card-cvc]").Input(cvc);
        form.Find("form").Submit();
    }

    [Theory]
    [InlineData("4242 4242 4242 4241", "12/30", "123", "This card number is not valid: check it for a typo.")]
    [InlineData("4111 1111 1111 1111", "12/30", "123", "Test mode takes only Stripe's test card numbers, e.g. 4242 4242 4242 4242. No real card is charged here.")]
    [InlineData("4242 4242 4242 4242", "05/26", "123", "This card has expired.")]
    [InlineData("4242 4242 4242 4242", "1230", "123", "Enter the expiry date as MM/YY.")]
    [InlineData("4242 4242 4242 4242", "12/30", "1", "The security code (CVC) is the 3 digits on the back of the card.")]
    [InlineData("", "", "", "Enter the card number.")]
    public void Bad_input_is_named_and_nothing_is_sent(string number, string expiry, string cvc, string message)
    {
        var form = Render();
        Fill(form, number, expiry, cvc);
        form.Find("[data-testid=card-error]").TextContent.ShouldBe(message);
        _saved.ShouldBeEmpty();
    }

    [Fact]
    public void A_good_test_card_is_sent_once_and_the_form_clears()
    {
        CardOutcome? saved = null;
        var form = Render(o => saved = o);
        Fill(form, "4242 4242 4242 4242", "12/30", "123");

        _saved.ShouldHaveSingleItem().ShouldBe(new CardEntry("4242 4242 4242 4242", "12/30", "123"));
        saved.ShouldBe(_answer);
        form.FindAll("[data-testid=card-error]").ShouldBeEmpty();
        form.Find("[data-testid=card-number]").GetAttribute("value").ShouldBeNullOrEmpty();
        form.Find("[data-testid=card-cvc]").GetAttribute("value").ShouldBeNullOrEmpty();
        form.Find("[data-testid=card-number]").GetAttribute("autocomplete").ShouldBe("cc-number");
        form.Find("[data-testid=card-number]").GetAttribute("inputmode").ShouldBe("numeric");
    }

    [Fact]
    public void A_refusal_from_the_service_is_shown_and_the_entry_kept()
    {
        _answer = new CardOutcome(false, "Cards are entered on Stripe's secure page, not here.");
        var saved = false;
        var form = Render(_ => saved = true);
        Fill(form, "4242 4242 4242 4242", "12/30", "123");
        form.Find("[data-testid=card-error]").TextContent.ShouldBe("Cards are entered on Stripe's secure page, not here.");
        saved.ShouldBeFalse();
        form.Find("[data-testid=card-number]").GetAttribute("value").ShouldBe("4242 4242 4242 4242");
    }
}
