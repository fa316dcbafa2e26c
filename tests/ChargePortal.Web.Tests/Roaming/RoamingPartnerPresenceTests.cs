using ChargePortal.Web.Data;
using ChargePortal.Web.Roaming.Partners;
using ChargePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChargePortal.Web.Tests.Roaming;

/// <summary>
/// Roaming does nothing per station event while no partner exists; whether one exists is read at most once per
/// freshness period, except that a partner created on this node counts at once. Real SQLite, the host's database.
/// </summary>
public sealed class RoamingPartnerPresenceTests(ChargePortalFactory factory) : IClassFixture<ChargePortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IDbContextFactory<AppDbContext> DbFactory => factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();

    [Fact]
    public async Task A_partner_added_elsewhere_counts_after_the_freshness_period_and_one_created_here_at_once()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var presence = new RoamingPartnerPresence(DbFactory, time);
        (await presence.AnyAsync(Ct)).ShouldBeFalse("the demo data has no roaming partner");

        // As another node would: straight into the database, this node not told.
        await using (var db = await DbFactory.CreateDbContextAsync(Ct))
        {
            db.Add(new RoamingPartner { Name = "Elsewhere", CountryCode = "NL", PartyId = "ELS", Status = RoamingPartnerStatus.Unregistered });
            await db.SaveChangesAsync(Ct);
        }

        time.Advance(RoamingPartnerPresence.Freshness);
        (await presence.AnyAsync(Ct)).ShouldBeFalse("an unregistered partner has nothing to receive");

        await using (var db = await DbFactory.CreateDbContextAsync(Ct))
        {
            await db.Set<RoamingPartner>().Where(p => p.PartyId == "ELS")
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, RoamingPartnerStatus.Registered), Ct);
        }

        time.Advance(RoamingPartnerPresence.Freshness - TimeSpan.FromSeconds(1));
        (await presence.AnyAsync(Ct)).ShouldBeFalse("the answer read a moment ago is still fresh");
        time.Advance(TimeSpan.FromSeconds(1));
        (await presence.AnyAsync(Ct)).ShouldBeTrue("a fresh read sees the registered partner");

        await using (var db = await DbFactory.CreateDbContextAsync(Ct))
        {
            await db.Set<RoamingPartner>().Where(p => p.PartyId == "ELS")
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, RoamingPartnerStatus.Unregistered), Ct);
        }

        time.Advance(RoamingPartnerPresence.Freshness);
        (await presence.AnyAsync(Ct)).ShouldBeFalse();

        // Created on this node: no waiting.
        var partners = new RoamingPartners(DbFactory, presence, time);
        await partners.CreateAsync("Here", "NL", "HER", RoamingRole.Emsp, Ct);
        (await presence.AnyAsync(Ct)).ShouldBeTrue("the partner created here is seen without waiting");
    }
}
