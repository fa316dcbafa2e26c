namespace ChargePortal.Ocpp.V201;

/// <summary>NotifyDisplayMessages request, sent by the Charging Station.</summary>
public sealed record NotifyDisplayMessagesRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    public IReadOnlyList<MessageInfo>? MessageInfo { get; init; }

    /// <summary>The id of the GetDisplayMessagesRequest that requested this message.</summary>
    public required int RequestId { get; init; }

    /// <summary>"to be continued" indicator. Indicates whether another part of the report follows in an upcoming NotifyDisplayMessagesRequest message. Default value when omitted is false.</summary>
    public bool? Tbc { get; init; }
}

/// <summary>Response to NotifyDisplayMessages.</summary>
public sealed record NotifyDisplayMessagesResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }
}
