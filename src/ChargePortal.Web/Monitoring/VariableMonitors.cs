using ChargePortal.Ocpp.V201;
using ChargePortal.Web.Data;
using ChargePortal.Web.Ocpp.Connections;
using Microsoft.EntityFrameworkCore;
using ChargePortal.Web.Ocpp;

namespace ChargePortal.Web.Monitoring;

/// <summary>
/// Keeps each 2.0.1 station's monitors: accepted SetVariableMonitoring results (whoever sent the call: command API,
/// raw OCPP call), accepted ClearVariableMonitoring results and every NotifyMonitoringReport part, stored by the ledger
/// in the order they crossed the socket so the socket never waits on the database.
/// </summary>
public sealed class VariableMonitors(IDbContextFactory<AppDbContext> dbFactory, DatabaseWriteGate writeGate, TimeProvider time, ILogger<VariableMonitors> logger)
    : StationFrameLedger(dbFactory, writeGate, logger)
{
    private const string Set = "SetVariableMonitoring";
    private const string Clear = "ClearVariableMonitoring";
    private const string Report = "NotifyMonitoringReport";

    private static readonly HashSet<string> Handled = new(StringComparer.Ordinal) { Set, Clear, Report };

    private readonly IDbContextFactory<AppDbContext> _dbFactory = dbFactory;

    protected override IReadOnlySet<string> Actions => Handled;

    public async Task<IReadOnlyList<VariableMonitorRecord>> ListAsync(string stationId, CancellationToken ct)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        return await db.VariableMonitors.AsNoTracking().Where(m => m.StationId == stationId)
            .OrderBy(m => m.ComponentName).ThenBy(m => m.VariableName).ThenBy(m => m.MonitorId).ToListAsync(ct);
    }

    protected override async Task ApplyAsync(AppDbContext db, AnsweredCall exchange, CancellationToken ct)
    {
        var existing = await db.VariableMonitors.Where(m => m.StationId == exchange.StationId).ToDictionaryAsync(m => m.MonitorId, ct);
        switch (exchange.Action)
        {
            case Report:
                var report = exchange.Request<NotifyMonitoringReportRequest>();
                foreach (var data in report.Monitor ?? [])
                {
                    foreach (var monitor in data.VariableMonitoring)
                    {
                        Upsert(db, existing, exchange.StationId, monitor.Id, data.Component, data.Variable, monitor.Type, monitor.Value, monitor.Severity, monitor.Transaction);
                    }
                }

                break;
            case Set:
                var set = exchange.Request<SetVariableMonitoringRequest>();
                foreach (var result in exchange.Response<SetVariableMonitoringResponse>().SetMonitoringResult)
                {
                    var sent = set.SetMonitoringData.FirstOrDefault(d => Same(d.Component, result.Component) && Same(d.Variable, result.Variable) && d.Type == result.Type && d.Severity == result.Severity);
                    if (result is { Status: SetMonitoringStatusEnum.Accepted, Id: { } monitorId } && sent is not null)
                    {
                        Upsert(db, existing, exchange.StationId, monitorId, result.Component, result.Variable, result.Type, sent.Value, result.Severity, sent.Transaction ?? false);
                    }
                }

                break;
            case Clear:
                foreach (var result in exchange.Response<ClearVariableMonitoringResponse>().ClearMonitoringResult)
                {
                    // NotFound: the station has no such monitor, so neither should the list.
                    if (result.Status is ClearMonitoringStatusEnum.Accepted or ClearMonitoringStatusEnum.NotFound && existing.Remove(result.Id, out var gone))
                    {
                        db.VariableMonitors.Remove(gone);
                    }
                }

                break;
        }
    }

    private void Upsert(AppDbContext db, Dictionary<int, VariableMonitorRecord> existing, string stationId, int monitorId, Component component, Variable variable,
        MonitorEnum type, decimal value, int severity, bool transaction)
    {
        if (!existing.TryGetValue(monitorId, out var record))
        {
            record = new VariableMonitorRecord { StationId = stationId, MonitorId = monitorId, ComponentName = component.Name, VariableName = variable.Name, Type = "" };
            db.VariableMonitors.Add(record);
            existing[monitorId] = record;
        }

        record.ComponentName = component.Name;
        record.ComponentInstance = component.Instance;
        record.EvseId = component.Evse?.Id;
        record.ConnectorId = component.Evse?.ConnectorId;
        record.VariableName = variable.Name;
        record.VariableInstance = variable.Instance;
        record.Type = OcppEnumText.Of(type);
        record.Value = value;
        record.Severity = severity;
        record.Transaction = transaction;
        record.UpdatedAt = time.GetUtcNow();
    }

    private static bool Same(Component a, Component b) =>
        string.Equals(a.Name, b.Name, StringComparison.OrdinalIgnoreCase) && string.Equals(a.Instance, b.Instance, StringComparison.OrdinalIgnoreCase)
        && a.Evse?.Id == b.Evse?.Id && a.Evse?.ConnectorId == b.Evse?.ConnectorId;

    private static bool Same(Variable a, Variable b) =>
        string.Equals(a.Name, b.Name, StringComparison.OrdinalIgnoreCase) && string.Equals(a.Instance, b.Instance, StringComparison.OrdinalIgnoreCase);
}
