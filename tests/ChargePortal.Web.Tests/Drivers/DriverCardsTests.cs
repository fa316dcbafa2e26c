using System.Net;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Bunit;
using ChargePortal.Web.Accounts;
using ChargePortal.Web.Data;
using ChargePortal.Web.Drivers.Cards;
using ChargePortal.Web.Tests.Infrastructure;
using ChargePortal.Web.Tokens;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using static ChargePortal.Web.Tests.Ocpp.OcppTestData;

namespace ChargePortal.Web.Tests.Drivers;

/// <summary>
/// A driver's RFID cards (/account/cards): add, name, block through the page (bUnit with the host's own services),
/// refusals that change nothing, and what a station is told about a blocked card (real OCPP over Kestrel).
/// </summary>
public sealed class DriverCardsTests : BunitContext, IClassFixture<KestrelChargePortalFactory>
{
    private readonly KestrelChargePortalFactory _factory;

    public DriverCardsTests(KestrelChargePortalFactory factory)
    {
        _factory = factory;
        _ = factory.BaseUri;
        DefaultWaitTimeout = TimeSpan.FromSeconds(30); // real database work behind the page, on busy cores
        Services.AddMudServices();
        Services.AddSingleton(factory.Services.GetRequiredService<DriverCards>());
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private DriverCards Cards => _factory.Services.GetRequiredService<DriverCards>();

    private async Task<AppDbContext> DbAsync() => await _factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);

    private async Task<string> UserIdAsync(string email)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!.Id;
    }

    private static string NewCardNumber() => "T" + Guid.NewGuid().ToString("N")[..11].ToUpperInvariant();

    private async Task<IdToken?> TokenAsync(string idTag)
    {
        await using var db = await DbAsync();
        return await db.IdTokens.AsNoTracking().SingleOrDefaultAsync(t => t.IdTag == idTag, Ct);
    }

    private async Task<IRenderedComponent<MyCards>> RenderAsDriverAsync()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized(DemoSeeder.DriverEmail);
        auth.SetRoles(Roles.Driver);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, await UserIdAsync(DemoSeeder.DriverEmail)));
        var page = Render<MyCards>();
        page.WaitForElement("[data-testid=card-list]");
        return page;
    }

    private static CardOnPage Card(IRenderedComponent<MyCards> page, string idTag) => new(page, idTag);

    [Fact]
    public async Task Driver_adds_names_and_blocks_a_card_on_the_page_and_a_station_is_then_told_it_is_blocked()
    {
        var page = await RenderAsDriverAsync();
        page.Find("[data-card='DEMO-DRIVER-CARD']").TextContent.ShouldContain("Dana's card");

        // Add: typed in lower case with spaces around, stored as the reader reports it (upper case).
        var number = NewCardNumber();
        page.Find("[data-testid=card-number]").Change($"  {number.ToLowerInvariant()} ");
        page.Find("[data-testid=card-label]").Change("Blue fob");
        await page.Find("[data-testid=add-card-form]").SubmitAsync(new());
        page.WaitForAssertion(() => page.Find("[data-testid=card-message]").TextContent.ShouldBe($"Card {number} added."));
        Card(page, number).Text.ShouldContain("Blue fob");
        Card(page, number).Status.ShouldBe("Accepted");
        page.Find("[data-testid=card-number]").GetAttribute("value").ShouldBeNullOrEmpty("the form is cleared after adding");
        var driverId = await UserIdAsync(DemoSeeder.DriverEmail);
        (await TokenAsync(number)).ShouldNotBeNull().ShouldSatisfyAllConditions(
            t => t.UserId.ShouldBe(driverId),
            t => t.Kind.ShouldBe(IdTokenKind.Rfid),
            t => t.Label.ShouldBe("Blue fob"));

        // Name it.
        await Card(page, number).Button("Rename").ClickAsync(new());
        Card(page, number).Element.QuerySelector("input[aria-label='Card name']")!.Change("Work car");
        await Card(page, number).Button("Save").ClickAsync(new());
        page.WaitForAssertion(() => page.Find("[data-testid=card-message]").TextContent.ShouldBe("Name saved."));
        Card(page, number).Text.ShouldContain("Work car");
        (await TokenAsync(number))!.Label.ShouldBe("Work car");

        // The card works at a station until the driver blocks it.
        await using var v16 = await RawOcppClient.ConnectAsync(_factory.OcppUri, "AMS-CS-03", V16);
        await v16.CallOkAsync("BootNotification", Boot16());
        await using var v201 = await RawOcppClient.ConnectAsync(_factory.OcppUri, "AMS-CS-04", V201);
        await v201.CallOkAsync("BootNotification", Boot201());
        (await Authorize16Async(v16, number)).ShouldBe("Accepted");
        (await Authorize201Async(v201, number)).ShouldBe("Accepted");
        (await Authorize16Async(v16, number.ToLowerInvariant())).ShouldBe("Accepted", "id tokens are case-insensitive: a reader may print the UID in lower case");

        await page.Find($"[data-card='{number}'] [data-testid=block-card]").ClickAsync(new());
        page.WaitForAssertion(() => page.Find("[data-testid=card-message]").TextContent.ShouldBe("Card blocked: it can no longer start charging."));
        Card(page, number).Status.ShouldBe("Blocked");
        page.FindAll($"[data-card='{number}'] [data-testid=unblock-card]").ShouldHaveSingleItem();
        (await TokenAsync(number))!.Status.ShouldBe(IdTokenStatus.Blocked);

        (await Authorize16Async(v16, number)).ShouldBe("Blocked");
        (await Authorize201Async(v201, number)).ShouldBe("Blocked");
        (await Authorize201Async(v201, number.ToLowerInvariant())).ShouldBe("Blocked", "a different spelling must not get round the block");
        var start = await v16.CallOkAsync("StartTransaction", new JsonObject { ["connectorId"] = 1, ["idTag"] = number, ["meterStart"] = 0, ["timestamp"] = Iso(DateTimeOffset.UtcNow) });
        start["idTagInfo"]!["status"]!.GetValue<string>().ShouldBe("Blocked", "a blocked card cannot start a session either");

        // Unblocking brings it back.
        await page.Find($"[data-card='{number}'] [data-testid=unblock-card]").ClickAsync(new());
        page.WaitForAssertion(() => Card(page, number).Status.ShouldBe("Accepted"));
        (await Authorize16Async(v16, number)).ShouldBe("Accepted");
    }

    [Fact]
    public async Task The_page_shows_a_refusal_and_the_list_stays_as_it_was()
    {
        var page = await RenderAsDriverAsync();
        var before = page.FindAll("[data-testid=card]").Count;

        page.Find("[data-testid=card-number]").Change("demo-fleet-001");
        await page.Find("[data-testid=add-card-form]").SubmitAsync(new());

        page.WaitForAssertion(() => page.Find("[data-testid=card-message]").TextContent
            .ShouldBe("Card DEMO-FLEET-001 is already registered. If it is yours and you lost it, ask the operator."));
        page.Find("[data-testid=card-message]").ClassName.ShouldNotBeNull().ShouldContain("error", Case.Insensitive, "shown as an error");
        page.FindAll("[data-testid=card]").Count.ShouldBe(before);
        page.FindAll("[data-card='DEMO-FLEET-001']").ShouldBeEmpty();
    }

    public static TheoryData<string, string> RefusedNumbers() => new()
    {
        { "", "Enter the card number printed on the card." },
        { "   ", "Enter the card number printed on the card." },
        { "AB1", "A card number has 4 to 20 characters." },
        { "ABCDEFGHIJKLMNOPQRSTU", "A card number has 4 to 20 characters." },
        { "AB CD 12", "A card number may contain only letters, digits and - _ : ." },
        { "CARD%1234", "A card number may contain only letters, digits and - _ : ." },
        { "KAART€123", "A card number may contain only letters, digits and - _ : ." },
        { "DEMO-DRIVER-CARD", "Card DEMO-DRIVER-CARD is already registered. If it is yours and you lost it, ask the operator." },
        { "demo-driver-card", "Card DEMO-DRIVER-CARD is already registered. If it is yours and you lost it, ask the operator." },
        { "DEMO-FLEET-001", "Card DEMO-FLEET-001 is already registered. If it is yours and you lost it, ask the operator." },
        { "DEMO-BLOCKED", "Card DEMO-BLOCKED is already registered. If it is yours and you lost it, ask the operator." },
    };

    [Theory]
    [MemberData(nameof(RefusedNumbers))]
    public async Task Invalid_duplicate_and_other_peoples_card_numbers_are_refused_and_nothing_changes(string idTag, string message)
    {
        var driverId = await UserIdAsync(DemoSeeder.DriverEmail);
        var (tokensBefore, fleet) = await SnapshotAsync();

        var result = await Cards.AddAsync(driverId, idTag, "mine now", Ct);

        result.Ok.ShouldBeFalse();
        result.Message.ShouldBe(message);
        (await SnapshotAsync()).ShouldBe((tokensBefore, fleet), "no token is added, and nobody's token changes owner");
    }

    [Fact]
    public async Task Another_drivers_card_is_refused_and_stays_theirs()
    {
        var ownerId = await UserIdAsync(DemoSeeder.OwnerEmail);
        var driverId = await UserIdAsync(DemoSeeder.DriverEmail);
        var number = NewCardNumber();
        (await Cards.AddAsync(ownerId, number, "Owner's fob", Ct)).Ok.ShouldBeTrue();

        var result = await Cards.AddAsync(driverId, number.ToLowerInvariant(), null, Ct);

        result.Ok.ShouldBeFalse();
        result.Message.ShouldBe($"Card {number} is already registered. If it is yours and you lost it, ask the operator.");
        (await TokenAsync(number))!.UserId.ShouldBe(ownerId);
        (await Cards.ListAsync(driverId, Ct)).ShouldNotContain(c => c.IdTag == number);
    }

    [Fact]
    public async Task An_underscore_is_a_card_character_not_a_wildcard()
    {
        var driverId = await UserIdAsync(DemoSeeder.DriverEmail);
        var suffix = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        (await Cards.AddAsync(driverId, $"UX{suffix}", null, Ct)).Ok.ShouldBeTrue();

        // Were '_' a LIKE wildcard, U_… would match the UX… card just added and be refused as taken.
        (await Cards.AddAsync(driverId, $"U_{suffix}", null, Ct)).ShouldSatisfyAllConditions(
            r => r.Ok.ShouldBeTrue("U_… is a different card from UX…"),
            r => r.Message.ShouldBe($"Card U_{suffix} added."));
        (await Cards.AddAsync(driverId, $"u_{suffix.ToLowerInvariant()}", null, Ct)).Ok.ShouldBeFalse("the same card in lower case");
    }

    [Fact]
    public async Task Names_are_optional_trimmed_and_bounded()
    {
        var driverId = await UserIdAsync(DemoSeeder.DriverEmail);
        var number = NewCardNumber();
        (await Cards.AddAsync(driverId, number, new string('n', 81), Ct)).Message.ShouldBe("A card name has at most 80 characters.");
        (await TokenAsync(number)).ShouldBeNull();

        (await Cards.AddAsync(driverId, number, "   ", Ct)).Ok.ShouldBeTrue();
        var card = (await Cards.ListAsync(driverId, Ct)).Single(c => c.IdTag == number);
        card.Label.ShouldBeNull();
        (await Cards.RenameAsync(driverId, card.Id, "  Spare  ", Ct)).Ok.ShouldBeTrue();
        (await TokenAsync(number))!.Label.ShouldBe("Spare");
        (await Cards.RenameAsync(driverId, card.Id, new string('n', 81), Ct)).Ok.ShouldBeFalse();
        (await TokenAsync(number))!.Label.ShouldBe("Spare");
    }

    [Fact]
    public async Task Nobody_renames_or_blocks_someone_elses_card_or_an_app_token_or_a_fleet_card()
    {
        var ownerId = await UserIdAsync(DemoSeeder.OwnerEmail);
        var driverId = await UserIdAsync(DemoSeeder.DriverEmail);
        var theirs = NewCardNumber();
        (await Cards.AddAsync(ownerId, theirs, "Owner's fob", Ct)).Ok.ShouldBeTrue();
        int theirsId, fleetId, appId;
        await using (var db = await DbAsync())
        {
            theirsId = await db.IdTokens.Where(t => t.IdTag == theirs).Select(t => t.Id).SingleAsync(Ct);
            fleetId = await db.IdTokens.Where(t => t.IdTag == "DEMO-FLEET-001").Select(t => t.Id).SingleAsync(Ct);
            var app = new IdToken { IdTag = "APP-" + NewCardNumber(), Kind = IdTokenKind.App, UserId = driverId, CreatedAt = DateTimeOffset.UtcNow };
            db.IdTokens.Add(app);
            await db.SaveChangesAsync(Ct);
            appId = app.Id;
        }

        foreach (var id in new[] { theirsId, fleetId, appId, 987_654 })
        {
            (await Cards.SetBlockedAsync(driverId, id, true, Ct)).Message.ShouldBe("That card is not one of yours.");
            (await Cards.RenameAsync(driverId, id, "hijacked", Ct)).Message.ShouldBe("That card is not one of yours.");
        }

        await using var check = await DbAsync();
        var tokens = await check.IdTokens.AsNoTracking().Where(t => t.Id == theirsId || t.Id == fleetId || t.Id == appId).ToListAsync(Ct);
        tokens.ShouldAllBe(t => t.Status == IdTokenStatus.Accepted && t.Label != "hijacked");
        (await Cards.ListAsync(driverId, Ct)).ShouldNotContain(c => c.Id == appId, "app tokens are not cards");
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Redirect, "/Account/Login")]
    [InlineData(DemoSeeder.DriverEmail, HttpStatusCode.OK, null)]
    [InlineData(DemoSeeder.OwnerEmail, HttpStatusCode.Redirect, "/Account/AccessDenied")]
    [InlineData(DemoSeeder.OperatorEmail, HttpStatusCode.Redirect, "/Account/AccessDenied")]
    public async Task Only_drivers_open_their_cards_page(string? email, HttpStatusCode status, string? redirect)
    {
        // Over the real socket (this fixture runs Kestrel), as a browser: cookies kept, redirects not followed.
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new() };
        using var client = new HttpClient(handler) { BaseAddress = _factory.BaseUri };
        if (email is not null)
        {
            (await client.SignInAsync(email, ChargePortalFactory.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var response = await client.GetAsync("/account/cards", Ct);
        response.StatusCode.ShouldBe(status);
        if (redirect is null)
        {
            (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("DEMO-DRIVER-CARD");
        }
        else
        {
            response.Headers.Location!.ToString().ShouldContain(redirect);
        }
    }

    private static async Task<string> Authorize16Async(RawOcppClient cp, string idTag) =>
        (await cp.CallOkAsync("Authorize", new JsonObject { ["idTag"] = idTag }))["idTagInfo"]!["status"]!.GetValue<string>();

    private static async Task<string> Authorize201Async(RawOcppClient cp, string idTag) =>
        (await cp.CallOkAsync("Authorize", new JsonObject { ["idToken"] = new JsonObject { ["idToken"] = idTag, ["type"] = "ISO14443" } }))["idTokenInfo"]!["status"]!.GetValue<string>();

    /// <summary>How many tokens exist, and who owns the shared demo cards.</summary>
    private async Task<(int Tokens, string Owners)> SnapshotAsync()
    {
        await using var db = await DbAsync();
        var owners = await db.IdTokens.AsNoTracking().Where(t => t.IdTag.StartsWith("DEMO-")).OrderBy(t => t.IdTag)
            .Select(t => t.IdTag + "=" + (t.UserId ?? "-") + ":" + t.Status + ":" + (t.Label ?? "")).ToListAsync(Ct);
        return (await db.IdTokens.CountAsync(Ct), string.Join(";", owners));
    }

    /// <summary>One card of the rendered list.</summary>
    private sealed class CardOnPage(IRenderedComponent<MyCards> page, string idTag)
    {
        public AngleSharp.Dom.IElement Element => page.Find($"[data-card='{idTag}']");

        public string Text => Element.TextContent;

        public string Status => Element.QuerySelector("[data-testid=card-status]")!.TextContent.Trim();

        public AngleSharp.Dom.IElement Button(string text) =>
            Element.QuerySelectorAll("button").Single(b => b.TextContent.Trim().Equals(text, StringComparison.OrdinalIgnoreCase));
    }
}
