using ChargePortal.Ocpp.V201;
using ChargePortal.Web.Data;
using ChargePortal.Web.Ocpp.Commands;
using Microsoft.EntityFrameworkCore;
using ChargePortal.Web.Ocpp;

namespace ChargePortal.Web.DeviceModel;

/// <summary>A 1.6 configuration key as GetConfiguration reports it.</summary>
public sealed record V16ConfigurationKey(string Key, bool ReadOnly, string? Value);

/// <summary>A value the station accepted in a SetVariables (or 1.6 ChangeConfiguration) answer.</summary>
public sealed record AcceptedValue(VariableAddress Address, string AttributeType, string Value);

/// <summary>
/// Keeps each station's device model: NotifyReport parts (any number, any order), GetVariables answers, accepted
/// SetVariables values and 1.6 GetConfiguration answers all update the same rows, so the last thing the station said wins.
/// It is also where the command service learns a station's message limits.
/// </summary>
public sealed class DeviceModelStore(IDbContextFactory<AppDbContext> dbFactory, DatabaseWriteGate writeGate, TimeProvider time, ILogger<DeviceModelStore> logger)
    : IStationMessageLimits
{
    /// <summary>Stores one NotifyReport part: every variable with all of its attributes and characteristics.</summary>
    public Task ApplyReportAsync(string stationId, IReadOnlyList<ReportData> parts, CancellationToken ct) =>
        UpsertAsync(stationId, [.. parts.Select(d => (Address(d.Component, d.Variable), (Action<DeviceModelVariable>)(v => ApplyReported(v, d))))], ct);

    /// <summary>Stores the values a GetVariables answer returned (Accepted results only).</summary>
    public Task ApplyGetResultsAsync(string stationId, IReadOnlyList<GetVariableResult> results, CancellationToken ct) =>
        UpsertAsync(stationId, [.. results
            .Where(r => r.AttributeStatus == GetVariableStatusEnum.Accepted)
            .Select(r => (Address(r.Component, r.Variable), (Action<DeviceModelVariable>)(v => v.Attribute(OcppEnumText.Of(r.AttributeType) ?? AttributeTypes.Actual).Value = r.AttributeValue)))], ct);

    /// <summary>Stores values the station accepted to set.</summary>
    public Task ApplyAcceptedValuesAsync(string stationId, IReadOnlyList<AcceptedValue> values, CancellationToken ct) =>
        UpsertAsync(stationId, [.. values.Select(a => (a.Address, (Action<DeviceModelVariable>)(v => v.Attribute(a.AttributeType).Value = a.Value)))], ct);

    /// <summary>Stores 1.6 configuration keys as variables of the component "OCPP16".</summary>
    public Task ApplyV16ConfigurationAsync(string stationId, IReadOnlyList<V16ConfigurationKey> keys, CancellationToken ct) =>
        UpsertAsync(stationId, [.. keys.Select(k => (V16Address(k.Key), (Action<DeviceModelVariable>)(v =>
        {
            var actual = v.Attribute(AttributeTypes.Actual);
            actual.Value = k.Value;
            actual.Mutability = k.ReadOnly ? "ReadOnly" : "ReadWrite";
        })))], ct);

    public static VariableAddress V16Address(string key) => new(DeviceModelVariable.V16Component, null, null, null, key, null);

    public static VariableAddress Address(Component component, Variable variable) =>
        new(component.Name, component.Instance, component.Evse?.Id, component.Evse?.ConnectorId, variable.Name, variable.Instance);

    public async Task<IReadOnlyList<DeviceModelVariable>> ListAsync(string stationId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.DeviceModelVariables.AsNoTracking().Where(v => v.StationId == stationId)
            .OrderBy(v => v.ComponentName).ThenBy(v => v.ComponentInstance).ThenBy(v => v.EvseId).ThenBy(v => v.ConnectorId)
            .ThenBy(v => v.VariableName).ThenBy(v => v.VariableInstance)
            .ToListAsync(ct);
    }

    /// <summary>
    /// How many items and bytes one <paramref name="action"/> request (GetVariables, SetVariables, …) may carry, from the
    /// station's DeviceDataCtrlr ItemsPerMessage / BytesPerMessage with that instance; null where it reported none.
    /// </summary>
    public async Task<MessageLimits> MessageLimitsAsync(string stationId, string action, CancellationToken ct)
    {
        var items = new VariableAddress("DeviceDataCtrlr", null, null, null, "ItemsPerMessage", action);
        var bytes = new VariableAddress("DeviceDataCtrlr", null, null, null, "BytesPerMessage", action);
        var values = await ActualValuesAsync(stationId, [items, bytes], ct);
        return new MessageLimits(Positive(items), Positive(bytes));

        int? Positive(VariableAddress address) =>
            values.TryGetValue(address, out var text) && int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0
                ? value
                : null;
    }

    /// <summary>The Actual values of <paramref name="addresses"/> the station reported (missing ones are absent).</summary>
    public async Task<IReadOnlyDictionary<VariableAddress, string>> ActualValuesAsync(string stationId, IReadOnlyList<VariableAddress> addresses, CancellationToken ct)
    {
        var keys = addresses.ToDictionary(DeviceModelVariable.KeyFor);
        var keyList = keys.Keys.ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.DeviceModelVariables.AsNoTracking().Where(v => v.StationId == stationId && keyList.Contains(v.Key)).ToListAsync(ct);
        return rows
            .Select(v => (Address: keys[v.Key], v.Attributes.FirstOrDefault(a => a.Type == AttributeTypes.Actual)?.Value))
            .Where(r => r.Value is not null)
            .ToDictionary(r => r.Address, r => r.Value!);
    }

    private static void ApplyReported(DeviceModelVariable variable, ReportData data)
    {
        foreach (var reported in data.VariableAttribute)
        {
            var attribute = variable.Attribute(OcppEnumText.Of(reported.Type) ?? AttributeTypes.Actual);
            attribute.Value = reported.Value;
            attribute.Mutability = OcppEnumText.Of(reported.Mutability) ?? "ReadWrite";
            attribute.Persistent = reported.Persistent ?? false;
            attribute.Constant = reported.Constant ?? false;
        }

        if (data.VariableCharacteristics is { } c)
        {
            variable.DataType = OcppEnumText.Of(c.DataType);
            variable.Unit = c.Unit;
            variable.MinLimit = c.MinLimit;
            variable.MaxLimit = c.MaxLimit;
            variable.ValuesList = c.ValuesList;
            variable.SupportsMonitoring = c.SupportsMonitoring;
        }
    }

    private async Task UpsertAsync(string stationId, IReadOnlyList<(VariableAddress Address, Action<DeviceModelVariable> Apply)> changes, CancellationToken ct)
    {
        if (changes.Count == 0)
        {
            return;
        }

        // Two writers of the same station (a report part and a GetVariables answer) can race to insert one variable:
        // the unique (station, key) index refuses the second, which then updates the row the first one inserted.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await UpsertOnceAsync(stationId, changes, ct);
                return;
            }
            catch (DbUpdateException ex) when (attempt < 3)
            {
                logger.LogDebug(ex, "Device model write for {StationId} raced; retrying", stationId);
            }
        }
    }

    private async Task UpsertOnceAsync(string stationId, IReadOnlyList<(VariableAddress Address, Action<DeviceModelVariable> Apply)> changes, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var keys = changes.Select(c => DeviceModelVariable.KeyFor(c.Address)).Distinct().ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var existing = await db.DeviceModelVariables.Where(v => v.StationId == stationId && keys.Contains(v.Key)).ToDictionaryAsync(v => v.Key, ct);
        foreach (var (address, apply) in changes)
        {
            var key = DeviceModelVariable.KeyFor(address);
            if (!existing.TryGetValue(key, out var variable))
            {
                variable = new DeviceModelVariable
                {
                    StationId = stationId,
                    Key = key,
                    ComponentName = address.Component,
                    ComponentInstance = address.ComponentInstance,
                    EvseId = address.EvseId,
                    ConnectorId = address.ConnectorId,
                    VariableName = address.Variable,
                    VariableInstance = address.VariableInstance,
                };
                db.DeviceModelVariables.Add(variable);
                existing[key] = variable;
            }

            apply(variable);
            variable.UpdatedAt = now;

            // The owned JSON collection is replaced as a whole, so EF sees the change even when only a value moved.
            variable.Attributes = [.. variable.Attributes.Select(a => new DeviceModelAttribute
            {
                Type = a.Type, Value = a.Value, Mutability = a.Mutability, Persistent = a.Persistent, Constant = a.Constant,
            })];
        }

        using var turn = await writeGate.EnterAsync(ct);
        await db.SaveChangesAsync(ct);
    }
}
