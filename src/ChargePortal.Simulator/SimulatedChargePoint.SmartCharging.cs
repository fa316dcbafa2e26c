using System.Globalization;

namespace ChargePortal.Simulator;

public sealed partial class SimulatedChargePoint
{
    /// <summary>Installs a charging profile (limit already converted to W). Connector 0 applies to the whole station.</summary>
    internal void SetChargingProfile(SimChargingProfile profile)
    {
        lock (_lock)
        {
            _profiles.RemoveAll(p => p.Id == profile.Id
                || (p.ConnectorId == profile.ConnectorId && p.Purpose == profile.Purpose && p.StackLevel == profile.StackLevel));
            _profiles.Add(profile);
        }

        Raise(ChargePointChangeKind.ChargingProfile, profile.ConnectorId, $"Profile {profile.Id} ({profile.Purpose}) limits to {profile.LimitW:0} W.");
        ApplyLimits();
    }

    /// <summary>Removes the profiles matching every given criterion; returns whether any was removed.</summary>
    internal bool ClearChargingProfiles(int? profileId, int? connectorId, string? purpose, int? stackLevel)
    {
        int removed;
        lock (_lock)
        {
            removed = _profiles.RemoveAll(p => (profileId is null || p.Id == profileId)
                && (connectorId is null || p.ConnectorId == connectorId)
                && (purpose is null || p.Purpose == purpose)
                && (stackLevel is null || p.StackLevel == stackLevel));
        }

        if (removed > 0)
        {
            Raise(ChargePointChangeKind.ChargingProfile, connectorId, $"{removed} charging profile(s) cleared.");
            ApplyLimits();
        }

        return removed > 0;
    }

    /// <summary>The lowest limit in W of the profiles that apply to <paramref name="connectorId"/> (0: station-wide ones), or null.</summary>
    internal double? PowerLimitW(int connectorId)
    {
        lock (_lock)
        {
            return PowerLimitLocked(connectorId);
        }
    }

    private double? PowerLimitLocked(int connectorId)
    {
        var tx = IsKnownConnector(connectorId) ? _connectors[connectorId - 1].Transaction : null;
        var limits = _profiles
            .Where(p => p.ConnectorId == 0 || p.ConnectorId == connectorId)
            .Where(p => p.Purpose != "TxProfile" || (tx is not null && (p.TransactionId is null || p.TransactionId == tx.LocalId
                || p.TransactionId == tx.CsmsId?.ToString(CultureInfo.InvariantCulture))))
            .Select(p => p.LimitW)
            .ToList();
        return limits.Count == 0 ? null : limits.Min();
    }

    private void ApplyLimits()
    {
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            foreach (var connector in _connectors)
            {
                if (connector.Transaction is { Stopping: false } tx)
                {
                    Settle(tx, now);
                }
            }
        }
    }
}
