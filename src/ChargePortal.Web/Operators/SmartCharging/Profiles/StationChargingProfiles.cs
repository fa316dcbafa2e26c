using System.Text.Json;
using ChargePortal.Web.Data;
using ChargePortal.Web.Transactions;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Operators.SmartCharging.Profiles;

/// <summary>A profile this CSMS set and the station accepted.</summary>
public sealed record SetProfileDto(int Id, int EvseId, string Purpose, int StackLevel, string? TransactionId, DateTimeOffset SetAt, JsonElement Profile);

/// <summary>A profile the station reported having.</summary>
public sealed record ReportedProfileDto(int EvseId, string Source, int Id, string Purpose, int StackLevel, string Kind, string? TransactionId, JsonElement Profile);

/// <summary>One GetChargingProfiles request with the profiles reported for it so far.</summary>
public sealed record ProfileReportDto(
    int RequestId, DateTimeOffset RequestedAt, string? Answer, bool Complete, int Parts, DateTimeOffset? CompletedAt, JsonElement? Criteria,
    IReadOnlyList<ReportedProfileDto> Profiles);

/// <summary><c>GET /api/stations/{id}/charging-profiles</c>: what the CSMS set next to what the station reported having.</summary>
public sealed record StationChargingProfilesDto(IReadOnlyList<SetProfileDto> Set, IReadOnlyList<ProfileReportDto> Reports);

/// <summary>Reads a station's stored charging profiles for the API and the smart charging page.</summary>
public sealed class StationChargingProfiles(IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary>How many of the latest reports are returned.</summary>
    public const int ReportsShown = 10;

    public async Task<StationChargingProfilesDto> GetAsync(string stationId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var set = await db.SetChargingProfiles.AsNoTracking().Where(p => p.StationId == stationId).ToListAsync(ct);

        // A TxProfile lives only as long as its transaction (K01.FR.04 is the station's side of it): hide ended ones.
        var active = await db.Transactions.AsNoTracking()
            .Where(t => t.StationId == stationId && t.Status == TransactionStatus.Active)
            .Select(t => t.OcppTransactionId).ToListAsync(ct);
        var reports = await db.ChargingProfileReports.AsNoTracking().Where(r => r.StationId == stationId)
            .OrderByDescending(r => r.Id).Take(ReportsShown).Include(r => r.Profiles).ToListAsync(ct);

        return new StationChargingProfilesDto(
            [.. set.Where(p => p.TransactionId is null || active.Contains(p.TransactionId))
                .OrderBy(p => p.EvseId).ThenBy(p => p.Purpose, StringComparer.Ordinal).ThenBy(p => p.StackLevel)
                .Select(p => new SetProfileDto(p.ProfileId, p.EvseId, p.Purpose, p.StackLevel, p.TransactionId, p.SetAt, Json(p.ProfileJson)))],
            [.. reports.Select(r => new ProfileReportDto(r.RequestId, r.RequestedAt, r.Answer, r.Complete, r.Parts, r.CompletedAt,
                r.CriteriaJson is null ? null : Json(r.CriteriaJson),
                [.. r.Profiles.OrderBy(p => p.EvseId).ThenBy(p => p.ProfileId).Select(p =>
                    new ReportedProfileDto(p.EvseId, p.Source, p.ProfileId, p.Purpose, p.StackLevel, p.Kind, p.TransactionId, Json(p.ProfileJson)))]))]);
    }

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
