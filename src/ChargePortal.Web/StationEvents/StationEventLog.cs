using ChargePortal.Ocpp.V201;
using ChargePortal.Web.Alerts;
using ChargePortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using ChargePortal.Web.Ocpp;

namespace ChargePortal.Web.StationEvents;

/// <summary>
/// Stores what stations report as events (NotifyEvent, SecurityEventNotification, NotifyMonitoringReport) and turns
/// the ones that report a problem into alerts: a problem stays open until the station reports it cleared.
/// </summary>
public sealed class StationEventLog(IDbContextFactory<AppDbContext> dbFactory, DatabaseWriteGate writeGate, AlertService alerts, TimeProvider time)
{
    // Variables whose "true" (or AvailabilityState "Faulted") is a problem per the 2.0.1 device model (appendix 3).
    private static readonly HashSet<string> ProblemVariables = ["Problem", "Tripped", "Overload", "Fallback", "Fault"];

    // Security events that need someone to look (the rest are recorded only): tampering, bad certificates/TLS, failed logins.
    private static readonly HashSet<string> AlertingSecurityEvents =
    [
        "TamperDetectionActivated", "InvalidFirmwareSignature", "InvalidFirmwareSigningCertificate", "InvalidCsmsCertificate",
        "InvalidCentralSystemCertificate", "InvalidChargingStationCertificate", "InvalidChargePointCertificate", "InvalidTLSVersion",
        "InvalidTLSCipherSuite", "FailedToAuthenticateAtCsms", "FailedToAuthenticateAtCentralSystem", "CsmsFailedToAuthenticate",
        "CentralSystemFailedToAuthenticate", "MemoryExhaustion", "InvalidMessages", "AttemptedReplayAttacks", "MaintenanceLoginFailed",
        "SecurityLogWasCleared",
    ];

    public async Task RecordEventsAsync(string stationId, NotifyEventRequest request, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await SaveAsync([.. request.EventData.Select(e => new StationEventRecord
        {
            StationId = stationId,
            At = e.Timestamp,
            ReceivedAt = now,
            Kind = StationEventKind.Event,
            Component = e.Component.Name,
            ComponentInstance = e.Component.Instance,
            EvseId = e.Component.Evse?.Id,
            ConnectorId = e.Component.Evse?.ConnectorId,
            Variable = e.Variable.Name,
            VariableInstance = e.Variable.Instance,
            Trigger = OcppEnumText.Of(e.Trigger),
            ActualValue = e.ActualValue,
            TechCode = e.TechCode,
            TechInfo = e.TechInfo,
            Cleared = e.Cleared,
            EventId = e.EventId,
            VariableMonitoringId = e.VariableMonitoringId,
            EventNotificationType = OcppEnumText.Of(e.EventNotificationType),
            TransactionId = e.TransactionId,
        })], ct);

        foreach (var e in request.EventData)
        {
            await AlertAsync(stationId, e, ct);
        }
    }

    public Task RecordSecurityEventAsync(string stationId, SecurityEventNotificationRequest request, CancellationToken ct) =>
        RecordSecurityEventAsync(stationId, request.Type, request.Timestamp, request.TechInfo, ct);

    /// <summary>A security event of either version (1.6 Security Whitepaper, 2.0.1 A04): stored, and alerted when it needs a look.</summary>
    public async Task RecordSecurityEventAsync(string stationId, string type, DateTimeOffset timestamp, string? techInfo, CancellationToken ct)
    {
        await SaveAsync([new StationEventRecord
        {
            StationId = stationId, At = timestamp, ReceivedAt = time.GetUtcNow(), Kind = StationEventKind.Security,
            Trigger = Truncate(type, 50), TechInfo = Truncate(techInfo, 500),
        }], ct);
        if (AlertingSecurityEvents.Contains(type))
        {
            await alerts.RaiseAsync(new AlertRequest(AlertKind.SecurityEvent, stationId, 0, 0,
                string.IsNullOrEmpty(techInfo) ? $"Security event: {type}" : $"Security event: {type} ({techInfo})",
                Subject: type), ct);
        }
    }

    public Task RecordMonitoringReportAsync(string stationId, NotifyMonitoringReportRequest request, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return SaveAsync([.. (request.Monitor ?? []).SelectMany(m => m.VariableMonitoring.Select(v => new StationEventRecord
        {
            StationId = stationId,
            At = request.GeneratedAt,
            ReceivedAt = now,
            Kind = StationEventKind.MonitoringReport,
            Component = m.Component.Name,
            ComponentInstance = m.Component.Instance,
            EvseId = m.Component.Evse?.Id,
            ConnectorId = m.Component.Evse?.ConnectorId,
            Variable = m.Variable.Name,
            VariableInstance = m.Variable.Instance,
            Trigger = OcppEnumText.Of(v.Type),
            ActualValue = v.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Severity = v.Severity,
            VariableMonitoringId = v.Id,
            TechInfo = v.Transaction ? "transaction only" : null,
        }))], ct);
    }

    public async Task<IReadOnlyList<StationEventRecord>> ListAsync(string stationId, DateTimeOffset? from, DateTimeOffset? to, int skip, int take, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.StationEvents.AsNoTracking().Where(e => e.StationId == stationId);
        query = from is { } f ? query.Where(e => e.At >= f) : query;
        query = to is { } t ? query.Where(e => e.At < t) : query;
        return await query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 1000)).ToListAsync(ct);
    }

    /// <summary>
    /// A problem event (an Alerting trigger, a problem variable turning true, a connector becoming Faulted) raises an alert
    /// for that component/variable; the same event reported cleared (or the variable turning false) clears it.
    /// </summary>
    private async Task AlertAsync(string stationId, EventData e, CancellationToken ct)
    {
        var problemVariable = ProblemVariables.Contains(e.Variable.Name) || e.Variable.Name == "AvailabilityState";
        var raisesProblem = e.Trigger == EventTriggerEnum.Alerting
            || (problemVariable && (IsTrue(e.ActualValue) || e.ActualValue == "Faulted"));
        if (!raisesProblem && !problemVariable)
        {
            return;
        }

        var evse = e.Component.Evse?.Id ?? 0;
        var connector = e.Component.Evse?.ConnectorId ?? 0;
        var subject = Subject(e.Component, e.Variable);
        if (e.Cleared == true || !raisesProblem)
        {
            await alerts.ClearAsync(AlertKind.StationProblem, stationId, evse, connector, subject, ct);
            return;
        }

        var severity = await MonitorSeverityAsync(stationId, e.VariableMonitoringId, ct) ?? (e.Trigger == EventTriggerEnum.Alerting ? 5 : 4);
        var detail = string.Join(", ", new[] { e.TechCode, e.TechInfo }.Where(x => !string.IsNullOrWhiteSpace(x)));
        await alerts.RaiseAsync(new AlertRequest(AlertKind.StationProblem, stationId, evse, connector,
            $"{subject} = {e.ActualValue}{(detail.Length > 0 ? $" ({detail})" : "")}", subject, severity), ct);
    }

    private async Task<int?> MonitorSeverityAsync(string stationId, int? monitorId, CancellationToken ct)
    {
        if (monitorId is null)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.StationEvents.AsNoTracking()
            .Where(x => x.StationId == stationId && x.Kind == StationEventKind.MonitoringReport && x.VariableMonitoringId == monitorId)
            .OrderByDescending(x => x.Id).Select(x => x.Severity).FirstOrDefaultAsync(ct);
    }

    private static string Subject(Component component, Variable variable)
    {
        var c = component.Instance is null ? component.Name : $"{component.Name}[{component.Instance}]";
        var v = variable.Instance is null ? variable.Name : $"{variable.Name}[{variable.Instance}]";
        var where = component.Evse is { } evse ? $" (EVSE {evse.Id}{(evse.ConnectorId is { } cid ? $", connector {cid}" : "")})" : "";
        return $"{c}.{v}{where}";
    }

    private static bool IsTrue(string value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    private static string? Truncate(string? value, int max) => value is null || value.Length <= max ? value : value[..max];

    private async Task SaveAsync(IReadOnlyList<StationEventRecord> records, CancellationToken ct)
    {
        if (records.Count == 0)
        {
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.StationEvents.AddRange(records);
        using var turn = await writeGate.EnterAsync(ct);
        await db.SaveChangesAsync(ct);
    }
}
