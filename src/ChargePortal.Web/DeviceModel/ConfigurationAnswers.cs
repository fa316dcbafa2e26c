using ChargePortal.Ocpp;
using ChargePortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using ChargePortal.Web.Ocpp.Connections;
using ChargePortal.Web.Ocpp;
using ChargePortal.Web.Transactions.Signing;
using V16 = ChargePortal.Ocpp.V16;
using V201 = ChargePortal.Ocpp.V201;

namespace ChargePortal.Web.DeviceModel;

/// <summary>
/// Updates the device model from the station's answers to GetVariables, SetVariables (2.0.1), GetConfiguration and
/// ChangeConfiguration (1.6), whoever sent the call (console, command API, raw OCPP call). The ledger pairs each call
/// with its answer and stores them off the socket; the device model store writes them.
/// </summary>
public sealed class ConfigurationAnswers(
    IDbContextFactory<AppDbContext> dbFactory, DatabaseWriteGate writeGate, DeviceModelStore store, StationMeterKeys meterKeys, ILogger<ConfigurationAnswers> logger)
    : StationFrameLedger(dbFactory, writeGate, logger)
{
    private static readonly HashSet<string> Watched = new(StringComparer.Ordinal) { "GetVariables", "SetVariables", "GetConfiguration", "ChangeConfiguration" };

    protected override IReadOnlySet<string> Actions => Watched;

    protected override bool Follows(OcppVersion version) => true;

    /// <summary>The device model store keeps its own records: <paramref name="db"/> stays unused.</summary>
    protected override async Task ApplyAsync(AppDbContext db, AnsweredCall exchange, CancellationToken ct)
    {
        switch (exchange.Action)
        {
            case "GetVariables" when exchange.Version == OcppVersion.V201:
                var got = exchange.Response<V201.GetVariablesResponse>().GetVariableResult;
                await store.ApplyGetResultsAsync(exchange.StationId, got, ct);
                await meterKeys.RememberAsync(exchange.StationId, [.. got
                    .Where(r => r is { AttributeStatus: V201.GetVariableStatusEnum.Accepted, Component.Name: "FiscalMetering", Variable.Name: "PublicKey", AttributeValue: { } })
                    .Select(r => new ReportedMeterKey(r.Component.Evse?.Id ?? 0, r.AttributeValue!, StationMeterKeys.FromV201Variable))], ct);
                break;
            case "SetVariables" when exchange.Version == OcppVersion.V201:
                var set = exchange.Request<V201.SetVariablesRequest>();
                var results = exchange.Response<V201.SetVariablesResponse>().SetVariableResult;
                await store.ApplyAcceptedValuesAsync(exchange.StationId, AcceptedValues(set, results), ct);
                break;
            case "GetConfiguration" when exchange.Version == OcppVersion.V16:
                var keys = exchange.Response<V16.GetConfigurationResponse>().ConfigurationKey ?? [];
                await store.ApplyV16ConfigurationAsync(exchange.StationId, [.. keys.Select(k => new V16ConfigurationKey(k.Key, k.Readonly, k.Value))], ct);

                // Signed meter values (OCA whitepaper 3.3.1): MeterPublicKey[ConnectorID] is the key of that connector's meter.
                await meterKeys.RememberAsync(exchange.StationId, [.. keys
                    .Where(k => k.Value is not null && StationMeterKeys.V16ConfigurationConnector(k.Key) is not null)
                    .Select(k => new ReportedMeterKey(StationMeterKeys.V16ConfigurationConnector(k.Key)!.Value, k.Value!, StationMeterKeys.FromV16Configuration))], ct);
                break;
            case "ChangeConfiguration" when exchange.Version == OcppVersion.V16:
                var change = exchange.Request<V16.ChangeConfigurationRequest>();
                if (exchange.Response<V16.ChangeConfigurationResponse>().Status is V16.ConfigurationStatus.Accepted or V16.ConfigurationStatus.RebootRequired)
                {
                    await store.ApplyAcceptedValuesAsync(exchange.StationId, [new AcceptedValue(DeviceModelStore.V16Address(change.Key), AttributeTypes.Actual, change.Value)], ct);
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
}
