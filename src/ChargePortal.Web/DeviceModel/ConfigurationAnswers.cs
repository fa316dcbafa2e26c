using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using ChargePortal.Ocpp;
using ChargePortal.Ocpp.Rpc;
using ChargePortal.Web.Ocpp.Connections;
using ChargePortal.Web.Ocpp;
using ChargePortal.Web.Transactions.Signing;
using V16 = ChargePortal.Ocpp.V16;
using V201 = ChargePortal.Ocpp.V201;

namespace ChargePortal.Web.DeviceModel;

/// <summary>
/// Updates the device model from the station's answers to GetVariables, SetVariables (2.0.1), GetConfiguration and
/// ChangeConfiguration (1.6), whoever sent the call (console, command API, raw OCPP call). It watches the frames and
/// queues the work; a background loop parses and stores it, so the socket never waits on the database.
/// </summary>
public sealed class ConfigurationAnswers(DeviceModelStore store, StationMeterKeys meterKeys, ILogger<ConfigurationAnswers> logger) : BackgroundService, IStationFrameTap
{
    private static readonly HashSet<string> Watched = ["GetVariables", "SetVariables", "GetConfiguration", "ChangeConfiguration"];

    private readonly Channel<Answer> _queue = Channel.CreateBounded<Answer>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });
    private long _pending;

    /// <summary>Answers queued but not yet stored (tests wait for 0).</summary>
    public long Pending => Interlocked.Read(ref _pending);

    public void Attach(IStationConnection connection)
    {
        // SetVariables/ChangeConfiguration answers do not repeat the value: keep the request until its answer arrives.
        var requests = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        connection.Peer.FrameLogged += (_, frame) =>
        {
            if (frame.Action is not { } action || !Watched.Contains(action) || frame.MessageId is not { } id)
            {
                return;
            }

            if (frame.Direction == OcppFrameDirection.Outgoing && frame.MessageType == OcppMessageType.Call)
            {
                requests[id] = frame.Frame;
            }
            else if (frame.Direction == OcppFrameDirection.Incoming && frame.MessageType is OcppMessageType.CallResult or OcppMessageType.CallError)
            {
                requests.TryRemove(id, out var request);
                if (frame.MessageType == OcppMessageType.CallResult)
                {
                    Interlocked.Increment(ref _pending);
                    if (!_queue.Writer.TryWrite(new Answer(connection.StationId, connection.Version, action, request, frame.Frame)))
                    {
                        Interlocked.Decrement(ref _pending);
                    }
                }
            }
        };
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var answer in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await StoreAsync(answer, stoppingToken);
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException or Microsoft.EntityFrameworkCore.DbUpdateException)
            {
                // An answer that does not parse was already refused to the caller by the schema check; nothing to store.
                logger.LogWarning(ex, "Could not store the {Action} answer of {StationId} in the device model", answer.Action, answer.StationId);
            }
            finally
            {
                Interlocked.Decrement(ref _pending);
            }
        }
    }

    private async Task StoreAsync(Answer answer, CancellationToken ct)
    {
        var response = Payload(answer.ResponseFrame, 2);
        switch (answer.Action)
        {
            case "GetVariables" when answer.Version == OcppVersion.V201:
                var got = Read<V201.GetVariablesResponse>(answer, response, request: false).GetVariableResult;
                await store.ApplyGetResultsAsync(answer.StationId, got, ct);
                await meterKeys.RememberAsync(answer.StationId, [.. got
                    .Where(r => r is { AttributeStatus: V201.GetVariableStatusEnum.Accepted, Component.Name: "FiscalMetering", Variable.Name: "PublicKey", AttributeValue: { } })
                    .Select(r => new ReportedMeterKey(r.Component.Evse?.Id ?? 0, r.AttributeValue!, StationMeterKeys.FromV201Variable))], ct);
                break;
            case "SetVariables" when answer.Version == OcppVersion.V201 && answer.RequestFrame is { } sent:
                var set = Read<V201.SetVariablesRequest>(answer, Payload(sent, 3), request: true);
                var results = Read<V201.SetVariablesResponse>(answer, response, request: false).SetVariableResult;
                await store.ApplyAcceptedValuesAsync(answer.StationId, AcceptedValues(set, results), ct);
                break;
            case "GetConfiguration" when answer.Version == OcppVersion.V16:
                var keys = Read<V16.GetConfigurationResponse>(answer, response, request: false).ConfigurationKey ?? [];
                await store.ApplyV16ConfigurationAsync(answer.StationId, [.. keys.Select(k => new V16ConfigurationKey(k.Key, k.Readonly, k.Value))], ct);

                // Signed meter values (OCA whitepaper 3.3.1): MeterPublicKey[ConnectorID] is the key of that connector's meter.
                await meterKeys.RememberAsync(answer.StationId, [.. keys
                    .Where(k => k.Value is not null && StationMeterKeys.V16ConfigurationConnector(k.Key) is not null)
                    .Select(k => new ReportedMeterKey(StationMeterKeys.V16ConfigurationConnector(k.Key)!.Value, k.Value!, StationMeterKeys.FromV16Configuration))], ct);
                break;
            case "ChangeConfiguration" when answer.Version == OcppVersion.V16 && answer.RequestFrame is { } sent:
                var change = Read<V16.ChangeConfigurationRequest>(answer, Payload(sent, 3), request: true);
                if (Read<V16.ChangeConfigurationResponse>(answer, response, request: false).Status is V16.ConfigurationStatus.Accepted or V16.ConfigurationStatus.RebootRequired)
                {
                    await store.ApplyAcceptedValuesAsync(answer.StationId, [new AcceptedValue(DeviceModelStore.V16Address(change.Key), AttributeTypes.Actual, change.Value)], ct);
                }

                break;
        }
    }

    /// <summary>The requested values whose results say Accepted or RebootRequired (the value is kept either way).</summary>
    internal static IReadOnlyList<AcceptedValue> AcceptedValues(V201.SetVariablesRequest request, IReadOnlyList<V201.SetVariableResult> results)
    {
        var accepted = new List<AcceptedValue>();
        foreach (var result in results.Where(r => r.AttributeStatus is V201.SetVariableStatusEnum.Accepted or V201.SetVariableStatusEnum.RebootRequired))
        {
            var address = DeviceModelStore.Address(result.Component, result.Variable);
            var type = result.AttributeType ?? V201.AttributeEnum.Actual;
            var sent = request.SetVariableData.FirstOrDefault(d => DeviceModelStore.Address(d.Component, d.Variable) == address && (d.AttributeType ?? V201.AttributeEnum.Actual) == type);
            if (sent is not null)
            {
                accepted.Add(new AcceptedValue(address, OcppEnumText.Of(type), sent.AttributeValue));
            }
        }

        return accepted;
    }

    private static JsonElement Payload(string frame, int index)
    {
        using var document = JsonDocument.Parse(frame);
        return document.RootElement[index].Clone();
    }

    private static T Read<T>(Answer answer, JsonElement payload, bool request)
    {
        var descriptor = OcppActionCatalog.For(answer.Version).Get(answer.Action);
        var typeInfo = request ? descriptor.RequestTypeInfo : descriptor.ResponseTypeInfo;
        return JsonSerializer.Deserialize(payload, typeInfo) is T value ? value : throw new JsonException($"{answer.Action} did not read as {typeof(T).Name}.");
    }

    private sealed record Answer(string StationId, OcppVersion Version, string Action, string? RequestFrame, string ResponseFrame);
}
