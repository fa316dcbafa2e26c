namespace ChargePortal.Ocpp.V201;

/// <summary>GetDisplayMessages request, sent by the CSMS.</summary>
public sealed record GetDisplayMessagesRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>If provided the Charging Station shall return Display Messages of the given ids. This field SHALL NOT contain more ids than set in NumberOfDisplayMessages.maxLimit</summary>
    public IReadOnlyList<int>? Id { get; init; }

    /// <summary>The Id of this request.</summary>
    public required int RequestId { get; init; }

    /// <summary>If provided the Charging Station shall return Display Messages with the given priority only.</summary>
    public MessagePriorityEnum? Priority { get; init; }

    /// <summary>If provided the Charging Station shall return Display Messages with the given state only.</summary>
    public MessageStateEnum? State { get; init; }
}

/// <summary>Response to GetDisplayMessages.</summary>
public sealed record GetDisplayMessagesResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Indicates if the Charging Station has Display Messages that match the request criteria in the GetDisplayMessagesRequest</summary>
    public required GetDisplayMessagesStatusEnum Status { get; init; }

    /// <summary>Element providing more information about the status.</summary>
    public StatusInfo? StatusInfo { get; init; }
}
