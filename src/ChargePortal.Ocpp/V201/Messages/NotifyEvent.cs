namespace ChargePortal.Ocpp.V201;

/// <summary>NotifyEvent request, sent by the Charging Station.</summary>
public sealed record NotifyEventRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Timestamp of the moment this message was generated at the Charging Station.</summary>
    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>“to be continued” indicator. Indicates whether another part of the report follows in an upcoming notifyEventRequest message. Default value when omitted is false.</summary>
    public bool? Tbc { get; init; }

    /// <summary>Sequence number of this message. First message starts at 0.</summary>
    public required int SeqNo { get; init; }

    public required IReadOnlyList<EventData> EventData { get; init; }
}

/// <summary>Response to NotifyEvent.</summary>
public sealed record NotifyEventResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }
}
