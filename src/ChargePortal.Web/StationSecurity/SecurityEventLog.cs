using ChargePortal.Web.Data;
using ChargePortal.Web.Live;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.StationSecurity;

/// <summary>One stored security event as the API shows it.</summary>
public sealed record SecurityEventDto(DateTimeOffset Timestamp, string Type, string? TechInfo, DateTimeOffset ReceivedAt);

/// <summary>Stores the security events stations report and lists them per station.</summary>
public sealed class SecurityEventLog(IDbContextFactory<AppDbContext> dbFactory, DatabaseWriteGate writeGate, IStationEventPublisher events, TimeProvider time)
{
    public const string NotificationKind = "Security";

    public async Task RecordAsync(string stationId, string type, DateTimeOffset timestamp, string? techInfo, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.SecurityEvents.Add(new SecurityEvent
        {
            StationId = stationId,
            Type = type,
            Timestamp = timestamp.ToUniversalTime(),
            TechInfo = techInfo,
            ReceivedAt = time.GetUtcNow(),
        });
        using (await writeGate.EnterAsync(ct))
        {
            await db.SaveChangesAsync(ct);
        }

        events.Publish(new StationNotification(stationId, time.GetUtcNow(), NotificationKind, type));
    }

    /// <summary>The station's security events, newest first, optionally within [from, to).</summary>
    public async Task<IReadOnlyList<SecurityEventDto>> ListAsync(string stationId, DateTimeOffset? from, DateTimeOffset? to, int take, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.SecurityEvents.AsNoTracking().Where(e => e.StationId == stationId);
        if (from is { } f)
        {
            query = query.Where(e => e.Timestamp >= f);
        }

        if (to is { } t)
        {
            query = query.Where(e => e.Timestamp < t);
        }

        return await query.OrderByDescending(e => e.Timestamp).ThenByDescending(e => e.Id).Take(take)
            .Select(e => new SecurityEventDto(e.Timestamp, e.Type, e.TechInfo, e.ReceivedAt))
            .ToListAsync(ct);
    }
}
