using ChargePortal.Web.Data;
using ChargePortal.Web.Payments;
using ChargePortal.Web.Roaming.Partners;
using ChargePortal.Web.Roaming.Tokens;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Roaming.Sessions;

/// <summary>A partner's token (and not one of our own cards): its sessions are billed to the partner through the CDR.</summary>
public sealed class RoamingBilling(IDbContextFactory<AppDbContext> dbFactory, RoamingPartnerPresence partners) : ISessionsBilledElsewhere
{
    public async Task<bool> IsBilledElsewhereAsync(string idTag, CancellationToken ct)
    {
        if (!await partners.AnyAsync(ct))
        {
            return false;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.IdTokens.AnyAsync(t => t.IdTag == idTag, ct))
        {
            return false;
        }

        return await (from t in db.Set<RoamingToken>()
                      join p in db.Set<RoamingPartner>() on t.PartnerId equals p.Id
                      where t.Uid == idTag && p.Status != RoamingPartnerStatus.Unregistered
                      select t.Id).AnyAsync(ct);
    }
}
