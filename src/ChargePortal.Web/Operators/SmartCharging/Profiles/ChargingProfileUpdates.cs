using System.Text.Json;
using ChargePortal.Ocpp.V201;
using ChargePortal.Web.Data;
using ChargePortal.Web.Ocpp.Connections;
using Microsoft.EntityFrameworkCore;
using ChargePortal.Web.Ocpp;

namespace ChargePortal.Web.Operators.SmartCharging.Profiles;

/// <summary>How GetChargingProfiles answers and ReportChargingProfiles parts change a station's stored reports.</summary>
internal static class ProfileReports
{
    public static async Task OnAnsweredAsync(AppDbContext db, AnsweredCall exchange, DateTimeOffset now, CancellationToken ct)
    {
        var sent = exchange.Request<GetChargingProfilesRequest>();
        var answer = exchange.Response<GetChargingProfilesResponse>();
        var report = await FindOrAddAsync(db, exchange.StationId, sent.RequestId, now, ct);

        // A request id used again starts the report afresh: what the station reports now replaces what it reported then.
        if (report.CriteriaJson is not null || report.Answer is not null)
        {
            report.Profiles.Clear();
            report.Parts = 0;
            report.Complete = false;
            report.CompletedAt = null;
            report.RequestedAt = now;
        }

        report.CriteriaJson = exchange.RequestPayload().GetRawText();
        report.Answer = OcppEnumText.Of(answer.Status);
        if (answer.Status == GetChargingProfileStatusEnum.NoProfiles)
        {
            report.Complete = true;
            report.CompletedAt = now;
        }
    }

    public static async Task OnPartAsync(AppDbContext db, AnsweredCall exchange, DateTimeOffset now, CancellationToken ct)
    {
        var part = exchange.Request<ReportChargingProfilesRequest>();
        var report = await FindOrAddAsync(db, exchange.StationId, part.RequestId, now, ct);
        foreach (var profile in part.ChargingProfile)
        {
            report.Profiles.Add(new ReportedChargingProfile
            {
                EvseId = part.EvseId,
                Source = OcppEnumText.Of(part.ChargingLimitSource),
                ProfileId = profile.Id,
                Purpose = OcppEnumText.Of(profile.ChargingProfilePurpose),
                StackLevel = profile.StackLevel,
                Kind = OcppEnumText.Of(profile.ChargingProfileKind),
                TransactionId = profile.TransactionId,
                ProfileJson = Frames.Write(profile),
            });
        }

        report.Parts++;
        if (part.Tbc != true)
        {
            report.Complete = true;
            report.CompletedAt = now;
        }
    }

    private static async Task<ChargingProfileReport> FindOrAddAsync(AppDbContext db, string stationId, int requestId, DateTimeOffset now, CancellationToken ct)
    {
        var report = await db.ChargingProfileReports.Include(r => r.Profiles).FirstOrDefaultAsync(r => r.StationId == stationId && r.RequestId == requestId, ct);
        if (report is null)
        {
            report = new ChargingProfileReport { StationId = stationId, RequestId = requestId, RequestedAt = now };
            db.ChargingProfileReports.Add(report);
        }

        return report;
    }
}

/// <summary>How accepted SetChargingProfile and ClearChargingProfile calls change what the CSMS has set on a station.</summary>
internal static class SetProfiles
{
    public static async Task OnSetAsync(AppDbContext db, AnsweredCall exchange, DateTimeOffset now, CancellationToken ct)
    {
        if (exchange.Response<SetChargingProfileResponse>().Status != ChargingProfileStatusEnum.Accepted)
        {
            return;
        }

        var stationId = exchange.StationId;
        var sent = exchange.Request<SetChargingProfileRequest>();
        var profile = sent.ChargingProfile;
        var purpose = OcppEnumText.Of(profile.ChargingProfilePurpose);

        // K01.FR.05: the new profile replaces one with its id, or with its EVSE, purpose and stack level. The record with
        // the same id is updated in place (the id is unique per station), the others go.
        var replaced = await db.SetChargingProfiles.Where(p => p.StationId == stationId
            && (p.ProfileId == profile.Id || (p.EvseId == sent.EvseId && p.Purpose == purpose && p.StackLevel == profile.StackLevel)))
            .ToListAsync(ct);
        var record = replaced.FirstOrDefault(p => p.ProfileId == profile.Id);
        db.SetChargingProfiles.RemoveRange(replaced.Where(p => p != record));
        if (record is null)
        {
            record = new SetChargingProfileRecord { StationId = stationId, ProfileId = profile.Id, Purpose = purpose, ProfileJson = "" };
            db.SetChargingProfiles.Add(record);
        }

        record.EvseId = sent.EvseId;
        record.Purpose = purpose;
        record.StackLevel = profile.StackLevel;
        record.TransactionId = profile.TransactionId;
        record.ProfileJson = Frames.Write(profile);
        record.SetAt = now;
    }

    public static async Task OnClearedAsync(AppDbContext db, AnsweredCall exchange, CancellationToken ct)
    {
        if (exchange.Response<ClearChargingProfileResponse>().Status != ClearChargingProfileStatusEnum.Accepted)
        {
            return;
        }

        var sent = exchange.Request<ClearChargingProfileRequest>();
        var query = db.SetChargingProfiles.Where(p => p.StationId == exchange.StationId);
        if (sent.ChargingProfileId is { } id)
        {
            query = query.Where(p => p.ProfileId == id);
        }
        else if (sent.ChargingProfileCriteria is { } criteria)
        {
            if (criteria.EvseId is { } evse)
            {
                query = query.Where(p => p.EvseId == evse);
            }

            if (criteria.ChargingProfilePurpose is { } purposeEnum)
            {
                var purpose = OcppEnumText.Of(purposeEnum);
                query = query.Where(p => p.Purpose == purpose);
            }

            if (criteria.StackLevel is { } stackLevel)
            {
                query = query.Where(p => p.StackLevel == stackLevel);
            }
        }

        db.SetChargingProfiles.RemoveRange(await query.ToListAsync(ct));
    }
}

/// <summary>Writes 2.0.1 profiles with the wire serializers, as they are stored.</summary>
internal static class Frames
{
    public static string Write(ChargingProfile profile) => JsonSerializer.Serialize(profile, V201JsonContext.Default.ChargingProfile);
}
