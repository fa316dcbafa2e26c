namespace ChargePortal.Ocpp.V201;

/// <summary>OCPP 2.0.1 ClearMonitoringResultType.</summary>
public sealed record ClearMonitoringResult
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Result of the clear request for this monitor, identified by its Id.</summary>
    public required ClearMonitoringStatusEnum Status { get; init; }

    /// <summary>Id of the monitor of which a clear was requested.</summary>
    public required int Id { get; init; }

    /// <summary>Element providing more information about the status.</summary>
    public StatusInfo? StatusInfo { get; init; }
}
