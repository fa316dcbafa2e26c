namespace ChargePortal.Ocpp.V201;

/// <summary>NotifyCustomerInformation request, sent by the Charging Station.</summary>
public sealed record NotifyCustomerInformationRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>(Part of) the requested data. No format specified in which the data is returned. Should be human readable.</summary>
    public required string Data { get; init; }

    /// <summary>“to be continued” indicator. Indicates whether another part of the monitoringData follows in an upcoming notifyMonitoringReportRequest message. Default value when omitted is false.</summary>
    public bool? Tbc { get; init; }

    /// <summary>Sequence number of this message. First message starts at 0.</summary>
    public required int SeqNo { get; init; }

    /// <summary>Timestamp of the moment this message was generated at the Charging Station.</summary>
    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>The Id of the request.</summary>
    public required int RequestId { get; init; }
}

/// <summary>Response to NotifyCustomerInformation.</summary>
public sealed record NotifyCustomerInformationResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }
}
