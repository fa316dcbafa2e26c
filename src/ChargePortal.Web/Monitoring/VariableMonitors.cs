using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using ChargePortal.Ocpp;
using ChargePortal.Ocpp.Rpc;
using ChargePortal.Ocpp.V201;
using ChargePortal.Web.Data;
using ChargePortal.Web.Ocpp.Connections;
using Microsoft.EntityFrameworkCore;
using ChargePortal.Web.Ocpp;

namespace ChargePortal.Web.Monitoring;

/// <summary>
/// Keeps each 2.0.1 station's monitors: accepted SetVariableMonitoring results (whoever sent the call: command API,
/// raw OCPP call), accepted ClearVariableMonitoring results and every NotifyMonitoringReport part. It watches the
/// frames and queues the work; a background loop stores it, so the socket never waits on the database.
/// </summary>
public sealed class VariableMonitors(IDbContextFactory<AppDbContext> dbFactory, DatabaseWriteGate writeGate, TimeProvider time, ILogger<VariableMonitors> logger)
    : BackgroundService, IStationFrameTap
{
    private const string Set = "SetVariableMonitoring";
    private const string Clear = "ClearVariableMonitoring";
    private const string Report = "NotifyMonitoringReport";

    private readonly Channel<Work> _queue = Channel.CreateBounded<Work>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });
    private long _pending;

    /// <summary>Frames queued but not yet stored (tests wait for 0).</summary>
    public long Pending => Interlocked.Read(ref _pending);

    public void Attach(IStationConnection connection)
    {
        if (connection.Version != OcppVersion.V201)
        {
            return;
        }

        // Results name the monitor but not always its value: keep each request until its answer arrives.
        var requests = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        connection.Peer.FrameLogged += (_, frame) =>
        {
            if (frame.MessageId is not { } id || frame.Action is not ({ } action and (Set or Clear or Report)))
            {
                return;
            }

            if (action == Report && frame is { Direction: OcppFrameDirection.Incoming, MessageType: OcppMessageType.Call })
            {
                Enqueue(new Work(connection.StationId, action, frame.Frame, null));
            }
            else if (frame is { Direction: OcppFrameDirection.Outgoing, MessageType: OcppMessageType.Call })
            {
                requests[id] = frame.Frame;
            }
            else if (frame.Direction == OcppFrameDirection.Incoming && frame.MessageType is OcppMessageType.CallResult or OcppMessageType.CallError
                     && requests.TryRemove(id, out var request) && frame.MessageType == OcppMessageType.CallResult)
            {
                Enqueue(new Work(connection.StationId, action, request, frame.Frame));
            }
        };
    }

    public async Task<IReadOnlyList<VariableMonitorRecord>> ListAsync(string stationId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.VariableMonitors.AsNoTracking().Where(m => m.StationId == stationId)
            .OrderBy(m => m.ComponentName).ThenBy(m => m.VariableName).ThenBy(m => m.MonitorId).ToListAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var work in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await StoreAsync(work, stoppingToken);
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException or DbUpdateException)
            {
                logger.LogWarning(ex, "Could not store the {Action} of {StationId} among its monitors", work.Action, work.StationId);
            }
            finally
            {
                Interlocked.Decrement(ref _pending);
            }
        }
    }

    private void Enqueue(Work work)
    {
        Interlocked.Increment(ref _pending);
        if (!_queue.Writer.TryWrite(work))
        {
            Interlocked.Decrement(ref _pending);
        }
    }

    private async Task StoreAsync(Work work, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var existing = await db.VariableMonitors.Where(m => m.StationId == work.StationId).ToDictionaryAsync(m => m.MonitorId, ct);
        switch (work.Action)
        {
            case Report:
                var report = Read<NotifyMonitoringReportRequest>(work.Action, Payload(work.RequestFrame, 3), request: true);
                foreach (var data in report.Monitor ?? [])
                {
                    foreach (var monitor in data.VariableMonitoring)
                    {
                        Upsert(db, existing, work.StationId, monitor.Id, data.Component, data.Variable, monitor.Type, monitor.Value, monitor.Severity, monitor.Transaction);
                    }
                }

                break;
            case Set:
                var set = Read<SetVariableMonitoringRequest>(work.Action, Payload(work.RequestFrame, 3), request: true);
                foreach (var result in Read<SetVariableMonitoringResponse>(work.Action, Payload(work.ResponseFrame!, 2), request: false).SetMonitoringResult)
                {
                    var sent = set.SetMonitoringData.FirstOrDefault(d => Same(d.Component, result.Component) && Same(d.Variable, result.Variable) && d.Type == result.Type && d.Severity == result.Severity);
                    if (result is { Status: SetMonitoringStatusEnum.Accepted, Id: { } monitorId } && sent is not null)
                    {
                        Upsert(db, existing, work.StationId, monitorId, result.Component, result.Variable, result.Type, sent.Value, result.Severity, sent.Transaction ?? false);
                    }
                }

                break;
            case Clear:
                foreach (var result in Read<ClearVariableMonitoringResponse>(work.Action, Payload(work.ResponseFrame!, 2), request: false).ClearMonitoringResult)
                {
                    // NotFound: the station has no such monitor, so neither should the list.
                    if (result.Status is ClearMonitoringStatusEnum.Accepted or ClearMonitoringStatusEnum.NotFound && existing.Remove(result.Id, out var gone))
                    {
                        db.VariableMonitors.Remove(gone);
                    }
                }

                break;
        }

        using var turn = await writeGate.EnterAsync(ct);
        await db.SaveChangesAsync(ct);
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

    private static JsonElement Payload(string frame, int index)
    {
        using var document = JsonDocument.Parse(frame);
        return document.RootElement[index].Clone();
    }

    private static T Read<T>(string action, JsonElement payload, bool request)
    {
        var descriptor = OcppActionCatalog.For(OcppVersion.V201).Get(action);
        return JsonSerializer.Deserialize(payload, request ? descriptor.RequestTypeInfo : descriptor.ResponseTypeInfo) is T value
            ? value
            : throw new JsonException($"{action} did not read as {typeof(T).Name}.");
    }

    private sealed record Work(string StationId, string Action, string RequestFrame, string? ResponseFrame);
}
