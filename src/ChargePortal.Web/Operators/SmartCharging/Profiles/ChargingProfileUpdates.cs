using System.Text.Json;
using ChargePortal.Ocpp;
using ChargePortal.Ocpp.V201;
using ChargePortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using ChargePortal.Web.Ocpp;

namespace ChargePortal.Web.Operators.SmartCharging.Profiles;

/// <summary>How GetChargingProfiles answers and ReportChargingProfiles parts change a station's stored reports.</summary>
internal static class ProfileReports
{
    public static async Task OnAnsweredAsync(AppDbContext db, string stationId, JsonElement request, JsonElement response, DateTimeOffset now, CancellationToken ct)
    {
        var sent = Frames.Read<GetChargingProfilesRequest>(ChargingProfileTracker.Get, request, asRequest: true);
        var answer = Frames.Read<GetChargingProfilesResponse>(ChargingProfileTracker.Get, response, asRequest: false);
        var report = await FindOrAddAsync(db, stationId, sent.RequestId, now, ct);

        // A request id used again starts the report afresh: what the station reports now replaces what it reported then.
        if (report.CriteriaJson is not null || report.Answer is not null)
        {
            report.Profiles.Clear();
            report.Parts = 0;
            report.Complete = false;
            report.CompletedAt = null;
            report.RequestedAt = now;
        }

        report.CriteriaJson = request.GetRawText();
        report.Answer = OcppEnumText.Of(answer.Status);
        if (answer.Status == GetChargingProfileStatusEnum.NoProfiles)
        {
            report.Complete = true;
            report.CompletedAt = now;
        }
    }

    public static async Task OnPartAsync(AppDbContext db, string stationId, JsonElement request, DateTimeOffset now, CancellationToken ct)
    {
        var part = Frames.Read<ReportChargingProfilesRequest>(ChargingProfileTracker.Report, request, asRequest: true);
        var report = await FindOrAddAsync(db, stationId, part.RequestId, now, ct);
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
    public static async Task OnSetAsync(AppDbContext db, string stationId, JsonElement request, JsonElement response, DateTimeOffset now, CancellationToken ct)
    {
        if (Frames.Read<SetChargingProfileResponse>(ChargingProfileTracker.Set, response, asRequest: false).Status != ChargingProfileStatusEnum.Accepted)
        {
            return;
        }

        var sent = Frames.Read<SetChargingProfileRequest>(ChargingProfileTracker.Set, request, asRequest: true);
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

    public static async Task OnClearedAsync(AppDbContext db, string stationId, JsonElement request, JsonElement response, CancellationToken ct)
    {
        if (Frames.Read<ClearChargingProfileResponse>(ChargingProfileTracker.Clear, response, asRequest: false).Status != ClearChargingProfileStatusEnum.Accepted)
        {
            return;
        }

        var sent = Frames.Read<ClearChargingProfileRequest>(ChargingProfileTracker.Clear, request, asRequest: true);
        var query = db.SetChargingProfiles.Where(p => p.StationId == stationId);
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

/// <summary>Reads and writes 2.0.1 payloads with the action catalog's serializers.</summary>
internal static class Frames
{
    public static T Read<T>(string action, JsonElement payload, bool asRequest)
    {
        var descriptor = OcppActionCatalog.For(OcppVersion.V201).Get(action);
        return JsonSerializer.Deserialize(payload, asRequest ? descriptor.RequestTypeInfo : descriptor.ResponseTypeInfo) is T value
            ? value
            : throw new JsonException($"{action} did not read as {typeof(T).Name}.");
    }

    public static string Write(ChargingProfile profile) => JsonSerializer.Serialize(profile, V201JsonContext.Default.ChargingProfile);
}
