namespace ChargePortal.Ocpp.V201;

/// <summary>NotifyMonitoringReport request, sent by the Charging Station.</summary>
public sealed record NotifyMonitoringReportRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    public IReadOnlyList<MonitoringData>? Monitor { get; init; }

    /// <summary>The id of the GetMonitoringRequest that requested this report.</summary>
    public required int RequestId { get; init; }

    /// <summary>“to be continued” indicator. Indicates whether another part of the monitoringData follows in an upcoming notifyMonitoringReportRequest message. Default value when omitted is false.</summary>
    public bool? Tbc { get; init; }

    /// <summary>Sequence number of this message. First message starts at 0.</summary>
    public required int SeqNo { get; init; }

    /// <summary>Timestamp of the moment this message was generated at the Charging Station.</summary>
    public required DateTimeOffset GeneratedAt { get; init; }
}

/// <summary>Response to NotifyMonitoringReport.</summary>
public sealed record NotifyMonitoringReportResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }
}
