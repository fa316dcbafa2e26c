using ChargePortal.Web.Data;
using ChargePortal.Web.Transactions;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.LoadManagement;

/// <summary>
/// ISO 15118 charging needs (K15): answering Accepted promises a TxProfile (K15.FR.03/.07). The CSMS computes one only
/// where the site load balancer manages the session, so that is where needs are accepted (and the balancer is asked to
/// send the profile at once); anywhere else they are Rejected (K15.FR.04).
/// </summary>
public sealed class ChargingNeedsPolicy(IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary>The <see cref="Live.StationNotification"/> kind and status that make the balancer send the promised profile.</summary>
    public const string NotificationKind = "ChargingNeeds";
    public const string AcceptedStatus = "accepted";

    /// <summary>Nominal voltage for a schedule in amperes; the EV's schedule is checked in watts.</summary>
    private const decimal VoltsPerPhase = 230m;

    /// <summary>The site's power limit when the EVSE has an open session on a load-managed site; null when no profile will follow.</summary>
    public async Task<int?> ManagedLimitAsync(string stationId, int evseId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var limit = await db.Stations.AsNoTracking().Where(s => s.Id == stationId).Select(s => s.Site == null ? null : s.Site.MaxPowerW).FirstOrDefaultAsync(ct);
        return limit is not null && await db.Transactions.AnyAsync(t => t.StationId == stationId && t.EvseId == evseId && t.Status == TransactionStatus.Active, ct)
            ? limit
            : null;
    }

    /// <summary>K15.FR.11/.12: the EV's schedule is within the CSMS's when no period asks for more than the site may give.</summary>
    public static bool IsWithin(IEnumerable<(decimal Limit, bool Amperes, int? Phases)> evPeriods, int limitW) =>
        evPeriods.All(p => (p.Amperes ? p.Limit * VoltsPerPhase * (p.Phases ?? 3) : p.Limit) <= limitW);
}
