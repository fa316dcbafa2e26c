namespace ChargePortal.Ocpp.V201;

/// <summary>Class to hold result of SetVariableMonitoring request.</summary>
public sealed record SetMonitoringResult
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Id given to the VariableMonitor by the Charging Station. The Id is only returned when status is accepted. Installed VariableMonitors should have unique id's but the id's of removed Installed monitors should have unique id's but the id's of removed monitors MAY be reused.</summary>
    public int? Id { get; init; }

    /// <summary>Element providing more information about the status.</summary>
    public StatusInfo? StatusInfo { get; init; }

    /// <summary>Status is OK if a value could be returned. Otherwise this will indicate the reason why a value could not be returned.</summary>
    public required SetMonitoringStatusEnum Status { get; init; }

    /// <summary>The type of this monitor, e.g. a threshold, delta or periodic monitor.</summary>
    public required MonitorEnum Type { get; init; }

    /// <summary>A physical or logical component</summary>
    public required Component Component { get; init; }

    /// <summary>Reference key to a component-variable.</summary>
    public required Variable Variable { get; init; }

    /// <summary>The severity that will be assigned to an event that is triggered by this monitor. The severity range is 0-9, with 0 as the highest and 9 as the lowest severity level. The severity levels have the following meaning: + *0-Danger* + Indicates lives are potentially in danger. Urgent attention is needed …</summary>
    public required int Severity { get; init; }
}
