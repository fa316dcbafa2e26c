namespace ChargePortal.Ocpp.V201;

/// <summary>NotifyReport request, sent by the Charging Station.</summary>
public sealed record NotifyReportRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>The id of the GetReportRequest or GetBaseReportRequest that requested this report</summary>
    public required int RequestId { get; init; }

    /// <summary>Timestamp of the moment this message was generated at the Charging Station.</summary>
    public required DateTimeOffset GeneratedAt { get; init; }

    public IReadOnlyList<ReportData>? ReportData { get; init; }

    /// <summary>“to be continued” indicator. Indicates whether another part of the report follows in an upcoming notifyReportRequest message. Default value when omitted is false.</summary>
    public bool? Tbc { get; init; }

    /// <summary>Sequence number of this message. First message starts at 0.</summary>
    public required int SeqNo { get; init; }
}

/// <summary>Response to NotifyReport.</summary>
public sealed record NotifyReportResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }
}
