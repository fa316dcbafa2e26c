using ChargePortal.Web.Audit;
using ChargePortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.StationSecurity.NetworkProfiles;

/// <summary>
/// A05.FR.06/07: a station that connected on the higher security profile it was given now has that profile, and the
/// CSMS no longer lets it connect with a lower one (the authenticator checks the stored profile).
/// </summary>
public sealed partial class SecurityProfileUpgrades(
    IDbContextFactory<AppDbContext> dbFactory, DatabaseWriteGate writeGate, AuditLog audit, TimeProvider time, ILogger<SecurityProfileUpgrades> logger)
{
    public async Task ApplyAsync(string stationId, int profile, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        int upgraded;
        using (await writeGate.EnterAsync(ct))
        {
            upgraded = await db.Stations.Where(s => s.Id == stationId && s.PendingSecurityProfile == profile && s.SecurityProfile < profile)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.SecurityProfile, profile).SetProperty(s => s.PendingSecurityProfile, (int?)null), ct);
            var change = await db.NetworkProfileChanges.Where(c => c.StationId == stationId && c.SecurityProfile == profile && c.AppliedAt == null)
                .OrderByDescending(c => c.Id).FirstOrDefaultAsync(ct);
            if (upgraded > 0 && change is not null)
            {
                change.AppliedAt = now;
                await db.SaveChangesAsync(ct);
            }
        }

        if (upgraded > 0)
        {
            LogUpgraded(stationId, profile);
            await audit.RecordAsync("station", null, "security-profile-upgrade", stationId, null, $"connected on security profile {profile}", ct);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{StationId} connected on security profile {Profile}; that is now its profile (A05)")]
    private partial void LogUpgraded(string stationId, int profile);
}
