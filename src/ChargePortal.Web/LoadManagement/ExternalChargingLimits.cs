using System.Text.Json;
using ChargePortal.Ocpp.V201;
using ChargePortal.Web.Data;
using ChargePortal.Web.Live;
using Microsoft.EntityFrameworkCore;
using ChargePortal.Web.Ocpp;

namespace ChargePortal.Web.LoadManagement;

/// <summary>An external limit as the API and the pages show it, with the watts it allows now (null: not in effect or unknown).</summary>
public sealed record ExternalChargingLimitDto(int EvseId, string Source, bool? IsGridCritical, DateTimeOffset ReceivedAt, int? LimitWNow, JsonElement? ChargingSchedule);

/// <summary>What external limits allow now, per (station, EVSE), and when the next of them changes by its schedule.</summary>
public sealed record ExternalLimitsNow(IReadOnlyDictionary<(string StationId, int EvseId), int> Caps, DateTimeOffset? NextChange);

/// <summary>
/// Stores the limits stations report with NotifyChargingLimit and removes them on ClearedChargingLimit, then asks the
/// site load balancer for a new pass (a <see cref="StationNotification"/> of kind <see cref="NotificationKind"/>).
/// </summary>
public sealed class ExternalChargingLimits(IDbContextFactory<AppDbContext> dbFactory, DatabaseWriteGate writeGate, IStationEventPublisher events, TimeProvider time)
{
    public const string NotificationKind = "ChargingLimit";

    public async Task RecordAsync(string stationId, NotifyChargingLimitRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var source = OcppEnumText.Of(request.ChargingLimit.ChargingLimitSource);
        var evseId = request.EvseId ?? 0;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var limit = await db.ExternalChargingLimits.FirstOrDefaultAsync(l => l.StationId == stationId && l.EvseId == evseId && l.Source == source, ct);
        if (limit is null)
        {
            limit = new ExternalChargingLimit { StationId = stationId, EvseId = evseId, Source = source };
            db.ExternalChargingLimits.Add(limit);
        }

        limit.IsGridCritical = request.ChargingLimit.IsGridCritical;
        limit.ScheduleJson = request.ChargingSchedule is { Count: > 0 } schedules
            ? JsonSerializer.Serialize(schedules, V201JsonContext.Default.IReadOnlyListChargingSchedule)
            : null;
        limit.ReceivedAt = time.GetUtcNow();
        using (await writeGate.EnterAsync(ct))
        {
            await db.SaveChangesAsync(ct);
        }

        events.Publish(new StationNotification(stationId, limit.ReceivedAt, NotificationKind, $"set by {source}" + (evseId > 0 ? $" on EVSE {evseId}" : "")));
    }

    /// <summary>Without an EVSE the source's limits on the whole station and every EVSE are cleared.</summary>
    public async Task ClearAsync(string stationId, ClearedChargingLimitRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var source = OcppEnumText.Of(request.ChargingLimitSource);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.ExternalChargingLimits.Where(l => l.StationId == stationId && l.Source == source);
        if (request.EvseId is { } evseId)
        {
            query = query.Where(l => l.EvseId == evseId);
        }

        using (await writeGate.EnterAsync(ct))
        {
            await query.ExecuteDeleteAsync(ct);
        }

        events.Publish(new StationNotification(stationId, time.GetUtcNow(), NotificationKind, $"cleared by {source}" + (request.EvseId is > 0 ? $" on EVSE {request.EvseId}" : "")));
    }

    public async Task<IReadOnlyList<ExternalChargingLimitDto>> ListAsync(string stationId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        return [.. (await db.ExternalChargingLimits.AsNoTracking().Where(l => l.StationId == stationId).ToListAsync(ct))
            .OrderBy(l => l.EvseId).ThenBy(l => l.Source, StringComparer.Ordinal)
            .Select(l => new ExternalChargingLimitDto(l.EvseId, l.Source, l.IsGridCritical, l.ReceivedAt, LimitW(l, now),
                l.ScheduleJson is null ? null : JsonDocument.Parse(l.ScheduleJson).RootElement.Clone()))];
    }

    /// <summary>
    /// The watts each (station, EVSE) may draw now because of external limits (EVSE 0 is the station as a whole), and
    /// the first moment after now at which one of those limits changes by its schedule.
    /// </summary>
    public async Task<ExternalLimitsNow> InEffectAsync(IReadOnlyCollection<string> stationIds, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var limits = await db.ExternalChargingLimits.AsNoTracking().Where(l => stationIds.Contains(l.StationId) && l.ScheduleJson != null).ToListAsync(ct);
        var now = time.GetUtcNow();
        var caps = new Dictionary<(string, int), int>();
        DateTimeOffset? nextChange = null;
        foreach (var limit in limits)
        {
            var schedules = Schedules(limit);
            if (ExternalLimitSchedule.LimitWAt(schedules, limit.ReceivedAt, now) is { } watts)
            {
                var key = (limit.StationId, limit.EvseId);
                caps[key] = caps.TryGetValue(key, out var other) ? Math.Min(other, watts) : watts;
            }

            if (ExternalLimitSchedule.NextChangeAfter(schedules, limit.ReceivedAt, now) is { } change && (nextChange is null || change < nextChange))
            {
                nextChange = change;
            }
        }

        return new ExternalLimitsNow(caps, nextChange);
    }

    private static int? LimitW(ExternalChargingLimit limit, DateTimeOffset now) =>
        limit.ScheduleJson is null ? null : ExternalLimitSchedule.LimitWAt(Schedules(limit), limit.ReceivedAt, now);

    private static IReadOnlyList<ChargingSchedule> Schedules(ExternalChargingLimit limit) =>
        JsonSerializer.Deserialize(limit.ScheduleJson!, V201JsonContext.Default.IReadOnlyListChargingSchedule) ?? [];
}
