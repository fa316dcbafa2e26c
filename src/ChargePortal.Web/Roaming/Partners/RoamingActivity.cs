using ChargePortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Roaming.Partners;

/// <summary>Records, per partner and module, the last outbound request (and its error) and the last inbound one.</summary>
public sealed class RoamingActivity(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, ILogger<RoamingActivity> logger)
{
    public Task RecordInboundAsync(int partnerId, string module, CancellationToken ct) =>
        UpsertAsync(partnerId, module, a => a.LastPullAt = time.GetUtcNow(), ct);

    /// <summary>An outbound request to the partner: succeeded (error null) or failed with the error.</summary>
    public Task RecordOutboundAsync(int partnerId, string module, string? error, CancellationToken ct) =>
        UpsertAsync(partnerId, module, a =>
        {
            var now = time.GetUtcNow();
            if (error is null)
            {
                a.LastPushAt = now;
            }
            else
            {
                a.LastPushErrorAt = now;
                a.LastPushError = error.Length > 1000 ? error[..1000] : error;
            }
        }, ct);

    private async Task UpsertAsync(int partnerId, string module, Action<RoamingModuleActivity> change, CancellationToken ct)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var activity = await db.Set<RoamingModuleActivity>().FirstOrDefaultAsync(a => a.PartnerId == partnerId && a.Module == module, ct);
            if (activity is null)
            {
                activity = new RoamingModuleActivity { PartnerId = partnerId, Module = module };
                db.Add(activity);
            }

            change(activity);
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e)
        {
            // Two requests recording the same module at once: the other one's row stands; this is only a status line.
            logger.LogDebug(e, "Activity of partner {PartnerId} module {Module} not recorded", partnerId, module);
        }
    }
}
