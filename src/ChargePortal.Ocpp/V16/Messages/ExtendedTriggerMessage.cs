namespace ChargePortal.Ocpp.V16;

/// <summary>ExtendedTriggerMessage request (Security Whitepaper), sent by the Central System.</summary>
public sealed record ExtendedTriggerMessageRequest
{
    public required ExtendedMessageTrigger RequestedMessage { get; init; }

    public int? ConnectorId { get; init; }
}

/// <summary>Response to ExtendedTriggerMessage.</summary>
public sealed record ExtendedTriggerMessageResponse
{
    public required TriggerMessageStatus Status { get; init; }
}
