using ChargePortal.Ocpp.V201;

namespace ChargePortal.Web.Ocpp.Commands;

/// <summary>Monitoring of device-model variables (N02–N06).</summary>
public sealed partial class V201CommandAdapter
{
    private static OcppOutgoingCall SetVariableMonitoring(SetVariableMonitoringArguments arguments) =>
        Call("SetVariableMonitoring", new SetVariableMonitoringRequest
        {
            SetMonitoringData = [.. arguments.Monitors.Select(m => new SetMonitoringData
            {
                Id = m.Id,
                Component = ComponentOf(m.Address),
                Variable = VariableOf(m.Address),
                Type = m.Type switch
                {
                    MonitorKind.UpperThreshold => MonitorEnum.UpperThreshold,
                    MonitorKind.LowerThreshold => MonitorEnum.LowerThreshold,
                    MonitorKind.Delta => MonitorEnum.Delta,
                    MonitorKind.Periodic => MonitorEnum.Periodic,
                    MonitorKind.PeriodicClockAligned => MonitorEnum.PeriodicClockAligned,
                    _ => throw new ArgumentOutOfRangeException(nameof(arguments), m.Type, null),
                },
                Value = m.Value,
                Severity = m.Severity,
                Transaction = m.Transaction,
            })],
        });

    private static OcppOutgoingCall ClearVariableMonitoring(ClearVariableMonitoringArguments arguments) =>
        Call("ClearVariableMonitoring", new ClearVariableMonitoringRequest { Id = arguments.Ids });

    private static OcppOutgoingCall SetMonitoringBase(SetMonitoringBaseArguments arguments) =>
        Call("SetMonitoringBase", new SetMonitoringBaseRequest
        {
            MonitoringBase = arguments.Base switch
            {
                MonitoringBase.All => MonitoringBaseEnum.All,
                MonitoringBase.FactoryDefault => MonitoringBaseEnum.FactoryDefault,
                MonitoringBase.HardWiredOnly => MonitoringBaseEnum.HardWiredOnly,
                _ => throw new ArgumentOutOfRangeException(nameof(arguments), arguments.Base, null),
            },
        });

    private static OcppOutgoingCall SetMonitoringLevel(SetMonitoringLevelArguments arguments) =>
        Call("SetMonitoringLevel", new SetMonitoringLevelRequest { Severity = arguments.Severity });

    private static OcppOutgoingCall GetMonitoringReport(GetMonitoringReportArguments arguments, StationCommandContext context) =>
        Call("GetMonitoringReport", new GetMonitoringReportRequest
        {
            RequestId = context.RequestId,
            MonitoringCriteria = arguments.Criteria.Count == 0 ? null : [.. arguments.Criteria.Select(c => c switch
            {
                MonitoringCriterion.ThresholdMonitoring => MonitoringCriterionEnum.ThresholdMonitoring,
                MonitoringCriterion.DeltaMonitoring => MonitoringCriterionEnum.DeltaMonitoring,
                MonitoringCriterion.PeriodicMonitoring => MonitoringCriterionEnum.PeriodicMonitoring,
                _ => throw new ArgumentOutOfRangeException(nameof(arguments), c, null),
            })],
            ComponentVariable = arguments.Scope.Count == 0 ? null : [.. arguments.Scope.Select(s => new ComponentVariable
            {
                Component = new Component
                {
                    Name = s.Component,
                    Instance = s.ComponentInstance,
                    Evse = s.EvseId is { } evse ? new EVSE { Id = evse, ConnectorId = s.ConnectorId } : null,
                },
                Variable = s.Variable is { } variable ? new Variable { Name = variable, Instance = s.VariableInstance } : null,
            })],
        });
}
