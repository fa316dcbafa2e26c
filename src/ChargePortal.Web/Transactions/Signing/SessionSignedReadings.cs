using System.Security.Claims;
using ChargePortal.Web.Accounts;
using ChargePortal.Web.Data;
using ChargePortal.Web.Sites;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Transactions.Signing;

/// <summary>What a receipt shows about a session's signed readings.</summary>
/// <param name="Count">Signed readings stored for the session.</param>
/// <param name="Formats">Their formats (OCMF, EDL …), as the stations named them.</param>
/// <param name="PublicKeyKnown">Every reading has a public key, its own or the station meter's.</param>
public sealed record SignedReadingsSummary(int Count, IReadOnlyList<string> Formats, bool PublicKeyKnown);

/// <summary>A session's transparency file, ready to send.</summary>
public sealed record TransparencyDownload(string FileName, string Xml);

/// <summary>
/// A session's signed readings for the people who may check its bill: the driver it belongs to, operators and admins,
/// and the owner of the session's site. Anyone else is told nothing (not found), as for receipts.
/// </summary>
public sealed class SessionSignedReadings(IDbContextFactory<AppDbContext> dbFactory, SiteAccess access)
{
    public async Task<bool> MayDownloadAsync(ClaimsPrincipal user, long sessionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var session = await db.Transactions.AsNoTracking().Where(t => t.Id == sessionId)
            .Select(t => new { t.UserId, SiteId = t.Station!.SiteId }).FirstOrDefaultAsync(ct);
        if (session is null)
        {
            return false;
        }

        if (session.UserId is { } owner && owner == user.FindFirstValue(ClaimTypes.NameIdentifier))
        {
            return true;
        }

        return (user.IsInRole(Roles.Operator) || user.IsInRole(Roles.Admin) || user.IsInRole(Roles.SiteOwner))
            && (await access.ScopeForAsync(user, ct)).Includes(session.SiteId);
    }

    public async Task<SignedReadingsSummary> SummaryAsync(long sessionId, CancellationToken ct)
    {
        var values = await ValuesAsync(sessionId, ct);
        var formats = values.Select(v => TransparencyFile.SignedDataOf(v.Signed).Format ?? v.Signed.EncodingMethod ?? "unknown format")
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        return new SignedReadingsSummary(values.Count, formats, values.Count > 0 && values.All(v => v.PublicKey is not null));
    }

    /// <summary>The file for <paramref name="user"/>; null when the session does not exist, has no signed readings, or is not theirs to see.</summary>
    public async Task<TransparencyDownload?> DownloadAsync(ClaimsPrincipal user, long sessionId, CancellationToken ct)
    {
        if (!await MayDownloadAsync(user, sessionId, ct))
        {
            return null;
        }

        var values = await ValuesAsync(sessionId, ct);
        return values.Count == 0 ? null : new TransparencyDownload(TransparencyFile.FileName(sessionId), TransparencyFile.Write(sessionId, values));
    }

    /// <summary>The signed readings in time order, each with its own key or else the station meter's for its EVSE.</summary>
    private async Task<List<TransparencyValue>> ValuesAsync(long sessionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var readings = await db.SignedMeterReadings.AsNoTracking().Where(r => r.TransactionId == sessionId)
            .OrderBy(r => r.Timestamp).ThenBy(r => r.Id).ToListAsync(ct);
        if (readings.Count == 0)
        {
            return [];
        }

        var stationKey = await StationMeterKeys.ForEvseAsync(db, readings[0].StationId, readings[0].EvseId, ct);
        return [.. readings.Select(r => new TransparencyValue(r.Context,
            new SignedReading(r.SignedMeterData, r.SigningMethod, r.EncodingMethod, r.PublicKey), r.PublicKey ?? stationKey))];
    }
}
