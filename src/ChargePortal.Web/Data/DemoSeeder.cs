using ChargePortal.Web.Accounts;
using ChargePortal.Web.Demo;
using ChargePortal.Web.Payments;
using ChargePortal.Web.Payments.Cards;
using ChargePortal.Web.Sites;
using ChargePortal.Web.Stations;
using ChargePortal.Web.Tariffs;
using ChargePortal.Web.Tokens;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ChargePortal.Web.Accounts.ApiKeys;

namespace ChargePortal.Web.Data;

/// <summary>
/// Development demo data: one account per role, three Amsterdam sites with ten stations,
/// tariffs and RFID tokens, and with <c>Seed:DemoHistoryDays</c> a past month (<see cref="DemoHistory"/>). Idempotent: each item is looked up by its natural key first.
/// </summary>
public sealed class DemoSeeder(
    AppDbContext db,
    UserManager<ApplicationUser> userManager,
    ApiKeyService apiKeys,
    DemoHistory history,
    IOptions<SeedOptions> seed,
    TimeProvider time,
    ILogger<DemoSeeder> logger)
{
    public const string DriverEmail = "driver@chargeportal.local";
    public const string OwnerEmail = "owner@chargeportal.local";
    public const string OperatorEmail = "operator@chargeportal.local";
    public const string AdminEmail = "admin@chargeportal.local";

    private sealed record DemoSite(string Name, string Address, double Lat, double Lng, bool OwnedByDemoOwner, int? MaxPowerW);

    private sealed record DemoStation(string Id, string Name, int SiteIndex, string Vendor, string Model, (ConnectorType Type, int PowerW)[] Connectors);

    private static readonly DemoSite[] Sites =
    [
        new("Centraal Station P+R", "Stationsplein 10, 1012 AB Amsterdam", 52.3791, 4.9003, true, 300_000),
        new("Zuidas Office Park", "Gustav Mahlerlaan 1, 1082 MK Amsterdam", 52.3383, 4.8730, true, null),
        new("Westerpark Garage", "Haarlemmerweg 8, 1014 BE Amsterdam", 52.3864, 4.8750, false, null),
    ];

    private static readonly DemoStation[] Stations =
    [
        new("AMS-CS-01", "Centraal fast charger 1", 0, "Alfen", "Eve Double Pro", [(ConnectorType.Ccs2, 150_000), (ConnectorType.Chademo, 50_000)]),
        new("AMS-CS-02", "Centraal fast charger 2", 0, "ABB", "Terra 184", [(ConnectorType.Ccs2, 150_000), (ConnectorType.Ccs2, 150_000)]),
        new("AMS-CS-03", "Centraal AC bay A", 0, "Alfen", "Eve Single S-line", [(ConnectorType.Type2, 22_000)]),
        new("AMS-CS-04", "Centraal AC bay B", 0, "Alfen", "Eve Single S-line", [(ConnectorType.Type2, 22_000)]),
        new("AMS-ZA-01", "Zuidas level -1 east", 1, "Zaptec", "Pro", [(ConnectorType.Type2, 22_000), (ConnectorType.Type2, 22_000)]),
        new("AMS-ZA-02", "Zuidas level -1 west", 1, "Zaptec", "Pro", [(ConnectorType.Type2, 11_000)]),
        new("AMS-ZA-03", "Zuidas rapid", 1, "Kempower", "S-Series", [(ConnectorType.Ccs2, 200_000), (ConnectorType.GbtDc, 120_000)]),
        new("AMS-WP-01", "Westerpark entrance", 2, "Wallbox", "Commander 2", [(ConnectorType.Type2, 22_000)]),
        new("AMS-WP-02", "Westerpark roof", 2, "EVBox", "Troniq 100", [(ConnectorType.Ccs2, 100_000), (ConnectorType.Chademo, 50_000)]),
        new("AMS-WP-03", "Westerpark NACS", 2, "Tesla", "Universal Wall Connector", [(ConnectorType.Nacs, 11_000)]),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        // Seed:DemoPassword is required with Seed:DemoData (checked at start).
        var password = seed.Value.DemoPassword!;

        var driver = await EnsureUserAsync(DriverEmail, "Dana Driver", Roles.Driver, password);
        var owner = await EnsureUserAsync(OwnerEmail, "Oscar Owner", Roles.SiteOwner, password);
        var op = await EnsureUserAsync(OperatorEmail, "Olivia Operator", Roles.Operator, password);
        await EnsureUserAsync(AdminEmail, "Adam Admin", Roles.Admin, password);

        var sites = new List<Site>();
        foreach (var demo in Sites)
        {
            sites.Add(await EnsureSiteAsync(demo, owner, ct));
        }

        var now = time.GetUtcNow();
        foreach (var demo in Stations)
        {
            await EnsureStationAsync(demo, sites[demo.SiteIndex], now, ct);
        }

        foreach (var site in sites)
        {
            await EnsureTariffAsync(site, now, ct);
        }

        await EnsureTokenAsync("DEMO-DRIVER-CARD", IdTokenStatus.Accepted, driver.Id, "Dana's card", ct);
        await EnsureTokenAsync("DEMO-FLEET-001", IdTokenStatus.Accepted, null, "Fleet card 1", ct);
        await EnsureTokenAsync("DEMO-BLOCKED", IdTokenStatus.Blocked, null, "Lost card (blocked)", ct);
        await EnsureTokenAsync("DEMO-EXPIRED", IdTokenStatus.Expired, null, "Expired card", ct);
        await EnsureDemoPaymentCardAsync(driver.Id, ct);
        await db.SaveChangesAsync(ct);

        var apiKey = seed.Value.OperatorApiKey;
        if (!string.IsNullOrWhiteSpace(apiKey))
        {
            await apiKeys.ImportAsync(op.Id, "Development operator key", apiKey, ct);
        }

        await history.SeedAsync(seed.Value.DemoHistoryDays, driver.Id, ct);

        logger.LogInformation("Demo data ready: {Sites} sites, {Stations} stations, demo users for every role", Sites.Length, Stations.Length);
    }

    private async Task<ApplicationUser> EnsureUserAsync(string email, string displayName, string role, string password)
    {
        var user = await userManager.FindByEmailAsync(email);
        if (user is null)
        {
            user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, CreatedAt = time.GetUtcNow() };
            var created = await userManager.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Could not seed {email}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            }
        }

        if (!await userManager.IsInRoleAsync(user, role))
        {
            await userManager.AddToRoleAsync(user, role);
        }

        return user;
    }

    private async Task<Site> EnsureSiteAsync(DemoSite demo, ApplicationUser owner, CancellationToken ct)
    {
        var site = await db.Sites.Include(s => s.Owners).FirstOrDefaultAsync(s => s.Name == demo.Name, ct);
        if (site is null)
        {
            site = new Site
            {
                Name = demo.Name,
                Address = demo.Address,
                City = "Amsterdam",
                CountryCode = "NL",
                Latitude = demo.Lat,
                Longitude = demo.Lng,
                TimeZoneId = "Europe/Amsterdam",
                MaxPowerW = demo.MaxPowerW,
            };
            db.Sites.Add(site);
        }

        if (demo.OwnedByDemoOwner && site.Owners.All(o => o.UserId != owner.Id))
        {
            site.Owners.Add(new SiteOwnership { UserId = owner.Id });
        }

        await db.SaveChangesAsync(ct);
        return site;
    }

    private async Task EnsureStationAsync(DemoStation demo, Site site, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.Stations.AnyAsync(s => s.Id == demo.Id, ct))
        {
            return;
        }

        db.Stations.Add(new Station
        {
            Id = demo.Id,
            Name = demo.Name,
            SiteId = site.Id,
            Vendor = demo.Vendor,
            Model = demo.Model,
            CreatedAt = now,
            Connectors = [.. demo.Connectors.Select((c, i) => new Connector
            {
                StationId = demo.Id,
                EvseId = i + 1,
                ConnectorId = i + 1,
                Type = c.Type,
                MaxPowerW = c.PowerW,
            })],
        });
        await db.SaveChangesAsync(ct);
    }

    private async Task EnsureTariffAsync(Site site, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.Tariffs.AnyAsync(t => t.SiteId == site.Id, ct))
        {
            return;
        }

        db.Tariffs.Add(new Tariff
        {
            Name = $"{site.Name} standard",
            SiteId = site.Id,
            Currency = "EUR",
            PricePerKwh = 0.39m,
            PricePerMinute = 0.10m,
            PricePerMinuteAfterMinutes = 120,
            IdleFeePerMinute = 0.25m,
            IdleGraceMinutes = 15,
            VatPercent = 21m,
            EffectiveFrom = now.AddDays(-90), // before the oldest demo history session
        });
        await db.SaveChangesAsync(ct);
    }

    private async Task EnsureTokenAsync(string idTag, IdTokenStatus status, string? userId, string label, CancellationToken ct)
    {
        if (await db.IdTokens.AnyAsync(t => t.IdTag == idTag, ct))
        {
            return;
        }

        db.IdTokens.Add(new IdToken { IdTag = idTag, Status = status, UserId = userId, Label = label, CreatedAt = time.GetUtcNow() });
    }

    /// <summary>
    /// The demo driver has Stripe's test Visa saved with the simulated provider, so "Start charging" is one tap
    /// out of the box. With Stripe keys configured it does not apply and the driver adds a card through Checkout.
    /// </summary>
    private async Task EnsureDemoPaymentCardAsync(string driverId, CancellationToken ct)
    {
        if (await db.DriverPaymentProfiles.AnyAsync(p => p.UserId == driverId, ct))
        {
            return;
        }

        var now = time.GetUtcNow();
        db.DriverPaymentProfiles.Add(new DriverPaymentProfile
        {
            UserId = driverId,
            Provider = PaymentProviderKind.Simulated,
            PaymentMethodId = SimulatedPaymentProvider.NewPaymentMethodId(TestCardBehavior.Succeeds),
            CardBrand = "visa",
            CardLast4 = "4242",
            CardExpMonth = 12,
            CardExpYear = now.Year + 5,
            CardSavedAt = now,
            CreatedAt = now,
            UpdatedAt = now,
        });
    }
}
