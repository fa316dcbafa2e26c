using System.Collections.Concurrent;
using ChargePortal.Ocpp;
using ChargePortal.Web.Data;
using ChargePortal.Web.Live;
using ChargePortal.Web.Ocpp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChargePortal.Web.Stations;

public sealed record BootInfo(string Vendor, string Model, string? SerialNumber, string? FirmwareVersion);

/// <summary>The answer to a boot; <paramref name="IsNewOrChanged"/>: first boot, or vendor, model, serial number or firmware differ from the last boot's.</summary>
public sealed record BootDecision(StationRegistrationStatus Status, int IntervalSeconds, DateTimeOffset CurrentTime, bool IsNewOrChanged = false);

public sealed record ConnectorStatusReport(int EvseId, int ConnectorId, ConnectorStatus Status, string? ErrorCode, string? Info, DateTimeOffset? Timestamp);

/// <summary>What stations tell the CSMS about themselves: connect, boot, heartbeat, status, notifications.</summary>
public sealed class StationLifecycle(
    IDbContextFactory<AppDbContext> dbFactory,
    DatabaseWriteGate writeGate,
    IStationEventPublisher events,
    IStationOwnership ownership,
    LastSeenWriter lastSeen,
    IOptions<OcppOptions> options,
    TimeProvider time,
    ILogger<StationLifecycle> logger)
{
    // Stations repeat unchanged statuses (periodic, triggered, after reconnect): those need no write.
    // Cleared on every connect, so a station that was meanwhile served by another node is written afresh.
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<(int Evse, int Connector), (ConnectorStatus Status, string? Fault)>> _knownStatus =
        new(StringComparer.Ordinal);

    /// <summary>The station as the endpoint needs it at the handshake; creates it when unknown stations are allowed.</summary>
    public async Task<Station?> FindForConnectAsync(string stationId, bool createIfMissing, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var station = await db.Stations.AsNoTracking().FirstOrDefaultAsync(s => s.Id == stationId, ct);
        if (station is not null || !createIfMissing)
        {
            return station;
        }

        station = new Station { Id = stationId, Name = stationId, CreatedAt = time.GetUtcNow(), RegistrationStatus = options.Value.UnknownStationRegistration };
        db.Stations.Add(station);
        try
        {
            using var turn = await writeGate.EnterAsync(ct);
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Unknown station {StationId} registered itself (Ocpp:AllowUnknownStations)", stationId);
        }
        catch (DbUpdateException)
        {
            // Two first connections raced; the other one created it.
        }

        return station;
    }

    public async Task ConnectedAsync(string stationId, OcppVersion version, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        using (await writeGate.EnterAsync(ct))
        {
            await db.Stations.Where(s => s.Id == stationId)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.IsOnline, true).SetProperty(s => s.LastSeenAt, now).SetProperty(s => s.OcppVersion, version), ct);
        }

        lastSeen.Written(stationId, now);
        _knownStatus.TryRemove(stationId, out _);
        events.Publish(new StationConnected(stationId, now, version.DisplayName()));
    }

    public async Task DisconnectedAsync(string stationId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        lastSeen.Forget(stationId);
        _knownStatus.TryRemove(stationId, out _);
        if (await ownership.IsHeldElsewhereAsync(stationId, ct))
        {
            // A stale socket closing on this node after the station reconnected to another one:
            // the station is online there, so neither the flag nor the live views may say otherwise.
            logger.LogInformation("{StationId} left this node but is connected to another one; still online", stationId);
            return;
        }

        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        using (await writeGate.EnterAsync(ct))
        {
            await db.Stations.Where(s => s.Id == stationId)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.IsOnline, false).SetProperty(s => s.LastSeenAt, now), ct);
        }

        events.Publish(new StationDisconnected(stationId, now));
    }

    public async Task<BootDecision> BootAsync(string stationId, BootInfo boot, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var station = await db.Stations.FirstOrDefaultAsync(s => s.Id == stationId, ct);
        if (station is null)
        {
            return new BootDecision(StationRegistrationStatus.Rejected, options.Value.PendingRetrySeconds, now);
        }

        var vendor = Truncate(boot.Vendor, 50);
        var model = Truncate(boot.Model, 50);
        var serial = Truncate(boot.SerialNumber, 50);
        var firmware = Truncate(boot.FirmwareVersion, 50);
        var isNewOrChanged = station.LastBootAt is null
            || (station.Vendor, station.Model, station.SerialNumber, station.FirmwareVersion) != (vendor, model, serial, firmware);
        station.Vendor = vendor;
        station.Model = model;
        station.SerialNumber = serial;
        station.FirmwareVersion = firmware;
        station.LastBootAt = now;
        station.LastSeenAt = now;
        var interval = station.RegistrationStatus == StationRegistrationStatus.Accepted
            ? options.Value.HeartbeatIntervalSeconds
            : options.Value.PendingRetrySeconds;
        station.HeartbeatIntervalSeconds = interval;
        using (await writeGate.EnterAsync(ct))
        {
            await db.SaveChangesAsync(ct);
        }

        events.Publish(new StationBooted(stationId, now, station.Vendor, station.Model, station.FirmwareVersion));
        return new BootDecision(station.RegistrationStatus, interval, now, isNewOrChanged);
    }

    /// <summary>Records the heartbeat; returns the time to tell the station.</summary>
    public DateTimeOffset Heartbeat(string stationId)
    {
        Touch(stationId);
        return time.GetUtcNow();
    }

    /// <summary>Records that the station is alive, cheaply: at most one queued write per station per minute.</summary>
    public void Touch(string stationId) => lastSeen.Seen(stationId, time.GetUtcNow());

    public async Task StatusAsync(string stationId, ConnectorStatusReport report, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var at = report.Timestamp ?? now;
        var fault = string.IsNullOrEmpty(report.ErrorCode) || report.ErrorCode == "NoError" ? null : report.ErrorCode;

        var known = _knownStatus.GetOrAdd(stationId, _ => new());
        var key = (report.EvseId, report.ConnectorId);
        if (known.TryGetValue(key, out var last) && last == (report.Status, fault))
        {
            // A repeated status needs no write and tells live views nothing new; at thousands of stations it would
            // be most of the writes and events.
            Touch(stationId);
            return;
        }

        // 1.6 connector 0 is the charge point as a whole: no connector row, but faults still count.
        if (report.ConnectorId > 0)
        {
            await StoreStatusAsync(stationId, report, at, fault, ct);
        }

        known[key] = (report.Status, fault);
        Touch(stationId);
        events.Publish(new ConnectorStatusChanged(stationId, at, report.EvseId, report.ConnectorId, report.Status, fault));
        if (fault is not null || report.Status == ConnectorStatus.Faulted)
        {
            events.Publish(new StationFaulted(stationId, at, report.EvseId, report.ConnectorId, fault ?? "Faulted", report.Info));
        }
    }

    private async Task StoreStatusAsync(string stationId, ConnectorStatusReport report, DateTimeOffset at, string? fault, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var onEvse = await db.Connectors.Where(c => c.StationId == stationId && c.EvseId == report.EvseId).ToListAsync(ct);

        // 1.6 numbers connectors N, 2.0.1 names them (EVSE N, connector 1): an EVSE's only connector is the same plug either way.
        var connector = onEvse.FirstOrDefault(c => c.ConnectorId == report.ConnectorId) ?? (onEvse.Count == 1 ? onEvse[0] : null);
        if (connector is null)
        {
            // Stations may report connectors nobody registered: keep them rather than drop the status.
            connector = new Connector { StationId = stationId, EvseId = report.EvseId, ConnectorId = report.ConnectorId };
            db.Connectors.Add(connector);
        }

        // An older status (queued while offline) must not overwrite a newer one.
        if (connector.StatusChangedAt is null || at >= connector.StatusChangedAt)
        {
            connector.Status = report.Status;
            connector.ErrorCode = fault;
            connector.StatusChangedAt = at;
        }

        using var turn = await writeGate.EnterAsync(ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Firmware, diagnostics/log, security and other notifications: kept in the message log, raised as events.</summary>
    public void Notify(string stationId, string kind, string status, int? requestId = null) =>
        events.Publish(new StationNotification(stationId, time.GetUtcNow(), kind, status, requestId));

    private static string? Truncate(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
