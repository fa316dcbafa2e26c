using System.Net;
using ChargePortal.Web.Data;
using ChargePortal.Web.Tariffs;
using ChargePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChargePortal.Web.Tests.Tariffs;

/// <summary>The operator's tariff form over the real host and SQLite: nonsense is refused with a specific message and nothing is saved.</summary>
public sealed class TariffAdminTests(ChargePortalFactory factory) : IClassFixture<ChargePortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TariffAdmin Admin => factory.Services.GetRequiredService<TariffAdmin>();

    private async Task<AppDbContext> DbAsync() => await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);

    private async Task<int> SiteIdAsync(string name)
    {
        await using var db = await DbAsync();
        return await db.Sites.Where(s => s.Name == name).Select(s => s.Id).SingleAsync(Ct);
    }

    private static TariffForm ValidForm(int siteId, DateTimeOffset? from = null) => new()
    {
        Name = "Evening",
        SiteId = siteId,
        Currency = "EUR",
        PricePerKwh = 0.45m,
        PricePerMinute = 0.05m,
        PricePerMinuteAfterMinutes = 60,
        SessionFee = 0.50m,
        IdleFeePerMinute = 0.20m,
        IdleGraceMinutes = 10,
        VatPercent = 21m,
        EffectiveFrom = from ?? DateTimeOffset.UtcNow.AddDays(1),
    };

    private static TariffPeriodForm Period(int mask, int fromHour, int toHour, decimal kwh = 0.30m) =>
        new() { DaysOfWeekMask = mask, StartTime = new TimeOnly(fromHour, 0), EndTime = new TimeOnly(toHour, 0), PricePerKwh = kwh };

    private const int Monday = 1 << (int)DayOfWeek.Monday;
    private const int Tuesday = 1 << (int)DayOfWeek.Tuesday;

    /// <summary>Each case breaks one rule of an otherwise valid form (station/connector cases at Centraal).</summary>
    public static TheoryData<string, string> Nonsense() => new()
    {
        { "negative price per kWh", "Prices cannot be negative." },
        { "negative price per minute", "Prices cannot be negative." },
        { "negative session fee", "Prices cannot be negative." },
        { "negative idle fee", "Prices cannot be negative." },
        { "negative period price", "Prices cannot be negative." },
        { "absurd price", "Prices must be less than 1,000,000." },
        { "five decimals", "Prices and VAT have at most 4 decimals." },
        { "negative minutes", "Minute counts cannot be negative." },
        { "unknown currency", "Currency must be an ISO 4217 code of 3 capital letters, e.g. EUR." },
        { "lower-case currency", "Currency must be an ISO 4217 code of 3 capital letters, e.g. EUR." },
        { "four-letter currency", "Currency must be an ISO 4217 code of 3 capital letters, e.g. EUR." },
        { "negative VAT", "VAT must be between 0 and 100 %." },
        { "VAT over 100", "VAT must be between 0 and 100 %." },
        { "no name", "Name is required (at most 120 characters)." },
        { "name too long", "Name is required (at most 120 characters)." },
        { "overlapping periods", "Periods overlap: each moment of the week may belong to one period only." },
        { "overnight period overlapping the next morning", "Periods overlap: each moment of the week may belong to one period only." },
        { "period without weekdays", "Each period needs at least one weekday." },
        { "connector without station", "A connector tariff needs its station." },
        { "connector zero", "Connector ids start at 1." },
        { "unknown site", "Choose an existing site." },
        { "station of another site", "Station AMS-WP-01 is not at this site." },
        { "connector the station lacks", "Station AMS-CS-03 has no connector 2 (it has 1)." },
        { "effective date in the past", "A new version cannot start in the past; choose a start from now on." },
    };

    private static void Break(TariffForm form, string how)
    {
        switch (how)
        {
            case "negative price per kWh": form.PricePerKwh = -0.01m; break;
            case "negative price per minute": form.PricePerMinute = -1m; break;
            case "negative session fee": form.SessionFee = -0.5m; break;
            case "negative idle fee": form.IdleFeePerMinute = -0.2m; break;
            case "negative period price": form.Periods.Add(Period(Monday, 18, 22, kwh: -0.3m)); break;
            case "absurd price": form.PricePerKwh = 1_000_000m; break;
            case "five decimals": form.PricePerKwh = 0.12345m; break;
            case "negative minutes": form.IdleGraceMinutes = -5; break;
            case "unknown currency": form.Currency = "XYZ"; break;
            case "lower-case currency": form.Currency = "eur"; break;
            case "four-letter currency": form.Currency = "EURO"; break;
            case "negative VAT": form.VatPercent = -1m; break;
            case "VAT over 100": form.VatPercent = 100.5m; break;
            case "no name": form.Name = "   "; break;
            case "name too long": form.Name = new string('x', 121); break;
            case "overlapping periods": form.Periods.AddRange([Period(Monday, 18, 22), Period(Monday | Tuesday, 21, 23)]); break;
            case "overnight period overlapping the next morning": form.Periods.AddRange([Period(Monday, 22, 6), Period(Tuesday, 5, 7)]); break;
            case "period without weekdays": form.Periods.Add(Period(0, 18, 22)); break;
            case "connector without station": form.ConnectorId = 1; break;
            case "connector zero": form.StationId = "AMS-CS-03"; form.ConnectorId = 0; break;
            case "unknown site": form.SiteId = 987_654; break;
            case "station of another site": form.StationId = "AMS-WP-01"; break;
            case "connector the station lacks": form.StationId = "AMS-CS-03"; form.ConnectorId = 2; break;
            case "effective date in the past": form.EffectiveFrom = DateTimeOffset.UtcNow.AddHours(-1); break;
            default: throw new ArgumentOutOfRangeException(nameof(how), how, null);
        }
    }

    [Theory]
    [MemberData(nameof(Nonsense))]
    public async Task Nonsense_is_refused_with_a_specific_message_and_nothing_is_saved(string how, string message)
    {
        var form = ValidForm(await SiteIdAsync("Centraal Station P+R"));
        Break(form, how);
        var before = await CountsAsync();

        var result = await Admin.CreateVersionAsync(form, "operator@chargeportal.local", null, Ct);

        result.Succeeded.ShouldBeFalse();
        result.TariffId.ShouldBeNull();
        result.Errors.ShouldContain(message);
        (await CountsAsync()).ShouldBe(before, "a refused version saves, closes and audits nothing");
    }

    [Fact]
    public void Every_broken_rule_is_reported_at_once()
    {
        var form = ValidForm(1);
        form.Currency = "ABC";
        form.PricePerKwh = -1m;
        form.VatPercent = 150m;
        form.Periods.Add(Period(0, 8, 9));

        TariffAdmin.Validate(form).ShouldBe(
        [
            "Currency must be an ISO 4217 code of 3 capital letters, e.g. EUR.",
            "Prices cannot be negative.",
            "VAT must be between 0 and 100 %.",
            "Each period needs at least one weekday.",
        ]);
    }

    [Fact]
    public void Adjacent_and_overnight_periods_on_different_days_are_fine()
    {
        var form = ValidForm(1);
        form.Periods.AddRange([Period(Monday, 7, 18), Period(Monday, 18, 22), Period(Monday, 22, 7)]);
        TariffAdmin.Validate(form).ShouldBeEmpty();

        form.Periods.Add(Period(Tuesday, 6, 8));
        TariffAdmin.Validate(form).ShouldBe(["Periods overlap: each moment of the week may belong to one period only."], "Monday 22:00–07:00 runs into Tuesday morning");
    }

    [Fact]
    public async Task A_valid_version_is_saved_closes_the_previous_one_and_a_version_starting_earlier_than_the_latest_is_refused()
    {
        var siteId = await SiteIdAsync("Zuidas Office Park");
        var soon = DateTimeOffset.UtcNow.AddDays(2);
        var from = new DateTimeOffset(soon.Year, soon.Month, soon.Day, soon.Hour, soon.Minute, 0, TimeSpan.Zero); // the form's precision
        var form = ValidForm(siteId, from);
        form.Periods.Add(Period(Monday | Tuesday, 18, 22, kwh: 0.55m));

        var saved = await Admin.CreateVersionAsync(form, "operator@chargeportal.local", null, Ct);

        saved.Succeeded.ShouldBeTrue(string.Join(" ", saved.Errors));
        await using (var db = await DbAsync())
        {
            var versions = await db.Tariffs.AsNoTracking().Include(t => t.Periods).Where(t => t.SiteId == siteId && t.StationId == null).OrderBy(t => t.EffectiveFrom).ToListAsync(Ct);
            versions.Count.ShouldBe(2);
            versions[0].EffectiveTo.ShouldBe(from, "the seeded version ends where the new one starts");
            versions[1].Id.ShouldBe(saved.TariffId!.Value);
            versions[1].EffectiveTo.ShouldBeNull();
            versions[1].Periods.Single().PricePerKwh.ShouldBe(0.55m);
            (await db.AuditEntries.CountAsync(a => a.Action == "tariff.create" && a.Details!.Contains($"tariff {saved.TariffId}"), Ct)).ShouldBe(1);
        }

        var before = await CountsAsync();
        var earlier = await Admin.CreateVersionAsync(ValidForm(siteId, from.AddDays(-1)), "operator@chargeportal.local", null, Ct);
        earlier.Succeeded.ShouldBeFalse();
        earlier.Errors.ShouldHaveSingleItem().ShouldStartWith("A version already starts at ");
        (await CountsAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData(null, "redirect-login")]
    [InlineData(DemoSeeder.DriverEmail, "denied")]
    [InlineData(DemoSeeder.OwnerEmail, "denied")]
    [InlineData(DemoSeeder.OperatorEmail, "ok")]
    [InlineData(DemoSeeder.AdminEmail, "ok")]
    public async Task Only_operators_and_admins_reach_the_tariff_admin(string? email, string expected)
    {
        var client = factory.CreateBrowserLikeClient();
        if (email is not null)
        {
            (await client.SignInAsync(email, ChargePortalFactory.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var response = await client.GetAsync("/operator/tariffs", Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        switch (expected)
        {
            case "ok":
                response.StatusCode.ShouldBe(HttpStatusCode.OK);
                body.ShouldContain("data-testid=\"tariff-form\"");
                break;
            case "denied":
                response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
                response.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
                break;
            default:
                response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
                response.Headers.Location!.ToString().ShouldContain("/Account/Login");
                break;
        }

        if (expected != "ok")
        {
            body.ShouldNotContain("data-testid=\"tariff-form\"", Case.Sensitive, "nobody but staff sees the form");
        }
    }

    /// <summary>Versions, closed versions and tariff audit entries: a refused save must change none of them.</summary>
    private async Task<(int Tariffs, int Closed, int Audit)> CountsAsync()
    {
        await using var db = await DbAsync();
        return (await db.Tariffs.CountAsync(Ct), await db.Tariffs.CountAsync(t => t.EffectiveTo != null, Ct),
            await db.AuditEntries.CountAsync(a => a.Action == "tariff.create", Ct));
    }
}
