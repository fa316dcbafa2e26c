using System.Security.Claims;
using AngleSharp.Dom;
using Bunit;
using ChargePortal.Web.Accounts;
using ChargePortal.Web.Data;
using ChargePortal.Web.Tariffs;
using ChargePortal.Web.Tariffs.Pages;
using ChargePortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace ChargePortal.Web.Tests.Tariffs;

/// <summary>The operator's tariff page (bUnit with the real host's services): what it does with typed input before and after saving.</summary>
public sealed class TariffsPageTests : BunitContext, IClassFixture<ChargePortalFactory>
{
    private readonly ChargePortalFactory _factory;

    public TariffsPageTests(ChargePortalFactory factory)
    {
        _factory = factory;
        _ = factory.Server;
        DefaultWaitTimeout = TimeSpan.FromSeconds(30); // real database work behind the page, on busy cores
        Services.AddMudServices();
        foreach (var type in new[] { typeof(TariffAdmin), typeof(IDbContextFactory<AppDbContext>), typeof(TimeProvider) })
        {
            Services.AddSingleton(type, factory.Services.GetRequiredService(type));
        }

        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private async Task<IRenderedComponent<TariffsPage>> RenderAsOperatorAsync()
    {
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var op = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(DemoSeeder.OperatorEmail);
            var auth = AddAuthorization();
            auth.SetAuthorized(DemoSeeder.OperatorEmail);
            auth.SetRoles(Roles.Operator);
            auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, op!.Id));
        }

        Render<MudPopoverProvider>();
        var page = Render<TariffsPage>();
        page.WaitForAssertion(() => page.FindAll("[data-testid=tariffs-table] tbody tr").Count.ShouldBeGreaterThanOrEqualTo(3));
        return page;
    }

    /// <summary>The input of a MudBlazor field carrying <paramref name="testId"/> (on the input itself or around it).</summary>
    private static IElement Input(IRenderedComponent<TariffsPage> page, string testId) =>
        page.FindAll($"input[data-testid={testId}], [data-testid={testId}] input")[0];

    private async Task<int> TariffCountAsync()
    {
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        return await db.Tariffs.CountAsync(Ct);
    }

    [Theory]
    [InlineData("31/01/2027 18:00", "Start date must look like 2026-01-31 18:00 (the site's time).")]
    [InlineData("tomorrow", "Start date must look like 2026-01-31 18:00 (the site's time).")]
    [InlineData("2020-01-31 18:00", "A new version cannot start in the past; choose a start from now on.")]
    public async Task A_start_date_that_is_not_a_date_or_is_in_the_past_is_refused_and_nothing_is_saved(string from, string message)
    {
        var page = await RenderAsOperatorAsync();
        var before = await TariffCountAsync();
        Input(page, "tariff-name").Change("Night");
        Input(page, "tariff-from").Change(from);

        await page.Find("[data-testid=save-tariff]").ClickAsync(new());

        page.WaitForAssertion(() => page.Find("[data-testid=tariff-errors]").TextContent.ShouldContain(message));
        (await TariffCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task The_start_is_typed_and_shown_on_the_sites_clock()
    {
        var page = await RenderAsOperatorAsync();
        var year = DateTime.UtcNow.Year + 1;
        Input(page, "tariff-name").Change("New year");
        // One station only, so the whole-site versions other tests add may still start before it.
        Input(page, "tariff-station").Change("AMS-CS-03");
        Input(page, "tariff-kwh").Change("0.45");
        Input(page, "tariff-from").Change($"{year}-01-01 00:00");

        await page.Find("[data-testid=save-tariff]").ClickAsync(new());

        page.WaitForAssertion(() => page.FindAll("[data-testid=tariff-errors]").ShouldBeEmpty());
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        var saved = await db.Tariffs.AsNoTracking().OrderByDescending(t => t.Id).FirstAsync(t => t.Name == "New year", Ct);
        // The demo sites are in Amsterdam, an hour ahead of UTC in winter.
        saved.EffectiveFrom.ShouldBe(new DateTimeOffset(year - 1, 12, 31, 23, 0, 0, TimeSpan.Zero));
        page.WaitForAssertion(() => page.FindAll("[data-testid=tariffs-table] tr").Single(r => r.TextContent.Contains("New year", StringComparison.Ordinal))
            .TextContent.ShouldContain($"{year}-01-01 00:00"));
    }

    [Fact]
    public async Task Several_mistakes_are_listed_together_and_a_corrected_form_saves_with_the_currency_upper_cased()
    {
        var page = await RenderAsOperatorAsync();
        var before = await TariffCountAsync();
        Input(page, "tariff-name").Change("");
        Input(page, "tariff-currency").Change("xyz");
        Input(page, "tariff-vat").Change("120");
        Input(page, "tariff-kwh").Change("-0.10");

        await page.Find("[data-testid=save-tariff]").ClickAsync(new());

        page.WaitForAssertion(() => page.Find("[data-testid=tariff-errors]").TextContent.ShouldSatisfyAllConditions(
            e => e.ShouldContain("Name is required (at most 120 characters)."),
            e => e.ShouldContain("Currency must be an ISO 4217 code of 3 capital letters, e.g. EUR."),
            e => e.ShouldContain("VAT must be between 0 and 100 %."),
            e => e.ShouldContain("Prices cannot be negative.")));
        (await TariffCountAsync()).ShouldBe(before);

        var from = DateTimeOffset.UtcNow.AddDays(3);
        Input(page, "tariff-name").Change("Corrected");
        Input(page, "tariff-currency").Change(" eur ");
        Input(page, "tariff-vat").Change("21");
        Input(page, "tariff-kwh").Change("0.42");
        Input(page, "tariff-from").Change(from.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await page.Find("[data-testid=save-tariff]").ClickAsync(new());

        page.WaitForAssertion(() => page.FindAll("[data-testid=tariff-errors]").ShouldBeEmpty());
        (await TariffCountAsync()).ShouldBe(before + 1);
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        var saved = await db.Tariffs.AsNoTracking().OrderByDescending(t => t.Id).FirstAsync(Ct);
        saved.ShouldSatisfyAllConditions(t => t.Name.ShouldBe("Corrected"), t => t.Currency.ShouldBe("EUR"), t => t.PricePerKwh.ShouldBe(0.42m), t => t.VatPercent.ShouldBe(21m));
        page.WaitForAssertion(() => page.Find("[data-testid=tariffs-table]").TextContent.ShouldContain("Corrected"));
    }
}
