
namespace ChargePortal.Web.Ocpp.Commands;

// Monitoring of device-model variables (OCPP 2.0.1 block N: N02–N06). 1.6 has no monitoring; its adapter refuses these.

/// <summary>2.0.1 MonitorEnumType.</summary>
public enum MonitorKind
{
    UpperThreshold,
    LowerThreshold,
    Delta,
    Periodic,
    PeriodicClockAligned,
}

/// <summary>2.0.1 MonitoringBaseEnumType.</summary>
public enum MonitoringBase
{
    All,
    FactoryDefault,
    HardWiredOnly,
}

/// <summary>2.0.1 MonitoringCriterionEnumType.</summary>
public enum MonitoringCriterion
{
    ThresholdMonitoring,
    DeltaMonitoring,
    PeriodicMonitoring,
}

/// <summary>One monitor to set; <see cref="Id"/> replaces an existing monitor, null lets the station allocate one (N04.FR.11).</summary>
public sealed record MonitorSetting(int? Id, VariableAddress Address, MonitorKind Type, decimal Value, int Severity, bool Transaction);

/// <summary>A component (and optionally one of its variables) a monitoring report is limited to.</summary>
public sealed record MonitoringScope(string Component, string? ComponentInstance, int? EvseId, int? ConnectorId, string? Variable, string? VariableInstance);

public sealed record SetVariableMonitoringArguments(IReadOnlyList<MonitorSetting> Monitors) : StationOperation<StationAnswer>
{
    public override StationCommandName Command => StationCommandName.SetVariableMonitoring;
}

public sealed record ClearVariableMonitoringArguments(IReadOnlyList<int> Ids) : StationOperation<StationAnswer>
{
    public override StationCommandName Command => StationCommandName.ClearVariableMonitoring;
}

public sealed record SetMonitoringBaseArguments(MonitoringBase Base) : StationOperation<StationAnswer>
{
    public override StationCommandName Command => StationCommandName.SetMonitoringBase;
}

/// <summary>Severity 0 (Danger) … 9 (Debug): the station reports events of this severity and more severe ones (N05).</summary>
public sealed record SetMonitoringLevelArguments(int Severity) : StationOperation<StationAnswer>
{
    public override StationCommandName Command => StationCommandName.SetMonitoringLevel;
}

/// <summary>Asks for the station's monitors (N02); they arrive as NotifyMonitoringReport parts with the request id.</summary>
public sealed record GetMonitoringReportArguments(IReadOnlyList<MonitoringCriterion> Criteria, IReadOnlyList<MonitoringScope> Scope) : StationOperation<StationAnswer>
{
    public override StationCommandName Command => StationCommandName.GetMonitoringReport;
}
