using System.Collections.Concurrent;
using ChargePortal.Ocpp;
using ChargePortal.Web.Data;
using ChargePortal.Web.Kernel;
using ChargePortal.Web.Live;
using ChargePortal.Web.Ocpp;
using ChargePortal.Web.Stations.Provisioning;
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
    StationStateWriter writer,
    RegistrationGate registration,
    IStationEventPublisher events,
    IStationOwnership ownership,
    LastSeenWriter lastSeen,
    IOptions<OcppOptions> options,
    TimeProvider time,
    ILogger<StationLifecycle> logger)
{
    // Stations repeat unchanged statuses (periodic, triggered, after reconnect): those need no write.
    // Cleared on every connect, so a station that was meanwhile served by another node is written afresh.
    private readonly ConcurrentDictionary<string, KnownStatuses> _knownStatus = new(StringComparer.Ordinal);

    // The boot's view of each station connected here, taken at the handshake.
    private readonly ConcurrentDictionary<string, BootSnapshot> _bootState = new(StringComparer.Ordinal);

    // The handshakes' reads of their stations, one query for all that arrive together (a reconnect storm).
    private readonly GroupRead<string, Station> _handshakeReads = new((ids, ct) => ReadStationsAsync(dbFactory, ids, ct));

    /// <summary>Queries the handshakes' station reads took so far (one per batch of stations connecting together).</summary>
    public long HandshakeReads => _handshakeReads.Reads;

    /// <summary>
    /// The station as the endpoint needs it at the handshake; creates it when unknown stations are allowed. Read fresh
    /// at every handshake (credentials may have changed on any node), in one query with the other stations connecting
    /// at the same time; what the boot needs of it is kept for the life of the connection, so a boot costs no read.
    /// </summary>
    public async Task<Station?> FindForConnectAsync(string stationId, bool createIfMissing, CancellationToken ct)
    {
        var station = await _handshakeReads.ReadAsync(stationId, ct);

        if (station is null && createIfMissing)
        {
            station = new Station { Id = stationId, Name = stationId, CreatedAt = time.GetUtcNow(), RegistrationStatus = options.Value.UnknownStationRegistration };
            try
            {
                await writer.WriteAsync(new StationCreated(station), ct);
                logger.LogInformation("Unknown station {StationId} registered itself (Ocpp:AllowUnknownStations)", stationId);
            }
            catch (DbUpdateException)
            {
                // Two first connections raced (on another node); the other one created it.
            }
        }

        if (station is not null)
        {
            _bootState[stationId] = BootSnapshot.Of(station);
            registration.Set(stationId, station.RegistrationStatus);
        }

        return station;
    }

    public async Task ConnectedAsync(string stationId, OcppVersion version, CancellationToken ct)
    {
        var now = time.GetUtcNow();

        // Queued, not awaited: the station's frames are read at once. Its boot is stored after this, in queue order,
        // so once the boot is answered the station shows online; a disconnect can never be stored before it.
        _ = ObserveAsync(writer.QueueAsync(new StationConnectionStored(stationId, true, version, now), ct), stationId);
        lastSeen.Written(stationId, now);
        _knownStatus.TryRemove(stationId, out _);
        events.Publish(new StationConnected(stationId, now, version.DisplayName()));
    }

    public async Task DisconnectedAsync(string stationId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        lastSeen.Forget(stationId);
        _knownStatus.TryRemove(stationId, out _);
        _bootState.TryRemove(stationId, out _);
        if (await ownership.IsHeldElsewhereAsync(stationId, ct))
        {
            // A stale socket closing on this node after the station reconnected to another one:
            // the station is online there, so neither the flag nor the live views may say otherwise.
            logger.LogInformation("{StationId} left this node but is connected to another one; still online", stationId);
            return;
        }

        await writer.WriteAsync(new StationConnectionStored(stationId, false, null, now), ct);
        events.Publish(new StationDisconnected(stationId, now));
    }

    public async Task<BootDecision> BootAsync(string stationId, BootInfo boot, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var last = _bootState.TryGetValue(stationId, out var held) ? held : await LoadBootStateAsync(stationId, ct);
        if (last is null)
        {
            return new BootDecision(StationRegistrationStatus.Rejected, options.Value.PendingRetrySeconds, now);
        }

        var vendor = Truncate(boot.Vendor, 50);
        var model = Truncate(boot.Model, 50);
        var serial = Truncate(boot.SerialNumber, 50);
        var firmware = Truncate(boot.FirmwareVersion, 50);
        var isNewOrChanged = !last.Booted || (last.Vendor, last.Model, last.SerialNumber, last.FirmwareVersion) != (vendor, model, serial, firmware);

        // The gate follows an operator's change of registration on any node; the connection's snapshot is the fallback.
        var status = registration.Known(stationId) ?? last.RegistrationStatus;
        var interval = status == StationRegistrationStatus.Accepted ? options.Value.HeartbeatIntervalSeconds : options.Value.PendingRetrySeconds;
        await writer.WriteAsync(new StationBootStored(stationId, vendor, model, serial, firmware, now, interval), ct);
        _bootState[stationId] = last with { Booted = true, Vendor = vendor, Model = model, SerialNumber = serial, FirmwareVersion = firmware };
        events.Publish(new StationBooted(stationId, now, vendor, model, firmware));
        return new BootDecision(status, interval, now, isNewOrChanged);
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

        var known = _knownStatus.GetOrAdd(stationId, static _ => new());
        var key = (report.EvseId, report.ConnectorId);
        if (known.IsRepeat(key, (report.Status, fault)))
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

        known.Stored(key, (report.Status, fault));
        Touch(stationId);
        events.Publish(new ConnectorStatusChanged(stationId, at, report.EvseId, report.ConnectorId, report.Status, fault));
        if (fault is not null || report.Status == ConnectorStatus.Faulted)
        {
            events.Publish(new StationFaulted(stationId, at, report.EvseId, report.ConnectorId, fault ?? "Faulted", report.Info));
        }
    }

    private Task StoreStatusAsync(string stationId, ConnectorStatusReport report, DateTimeOffset at, string? fault, CancellationToken ct) =>
        writer.WriteAsync(new ConnectorStatusStored(stationId, report.EvseId, report.ConnectorId, report.Status, fault, at), ct);

    private async Task ObserveAsync(Task<Task> queued, string stationId)
    {
        try
        {
            await await queued;
        }
        catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException or InvalidOperationException or OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not store that {StationId} is online", stationId);
        }
    }

    private static async Task<IReadOnlyDictionary<string, Station>> ReadStationsAsync(IDbContextFactory<AppDbContext> dbFactory, IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        var wanted = ids.ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Stations.AsNoTracking().Where(s => wanted.Contains(s.Id)).ToDictionaryAsync(s => s.Id, StringComparer.Ordinal, ct);
    }

    private async Task<BootSnapshot?> LoadBootStateAsync(string stationId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var station = await db.Stations.AsNoTracking().FirstOrDefaultAsync(s => s.Id == stationId, ct);
        return station is null ? null : BootSnapshot.Of(station);
    }

    /// <summary>Firmware, diagnostics/log, security and other notifications: kept in the message log, raised as events.</summary>
    public void Notify(string stationId, string kind, string status, int? requestId = null) =>
        events.Publish(new StationNotification(stationId, time.GetUtcNow(), kind, status, requestId));

    /// <summary>What a boot compares and answers with: the registration and the last boot's identity.</summary>
    private sealed record BootSnapshot(StationRegistrationStatus RegistrationStatus, bool Booted, string? Vendor, string? Model, string? SerialNumber, string? FirmwareVersion)
    {
        public static BootSnapshot Of(Station s) => new(s.RegistrationStatus, s.LastBootAt is not null, s.Vendor, s.Model, s.SerialNumber, s.FirmwareVersion);
    }

    private static string? Truncate(string? value, int max) => value is null || value.Length <= max ? value : value[..max];

    /// <summary>
    /// The last status stored for each connector of one connected station. A station has a few connectors: a plain
    /// dictionary under its own lock is well under half a concurrent one's size, kept for every connected station.
    /// </summary>
    private sealed class KnownStatuses
    {
        private readonly Dictionary<(int Evse, int Connector), (ConnectorStatus Status, string? Fault)> _last = [];

        public bool IsRepeat((int Evse, int Connector) connector, (ConnectorStatus Status, string? Fault) status)
        {
            lock (_last)
            {
                return _last.TryGetValue(connector, out var last) && last == status;
            }
        }

        public void Stored((int Evse, int Connector) connector, (ConnectorStatus Status, string? Fault) status)
        {
            lock (_last)
            {
                _last[connector] = status;
            }
        }
    }
}
