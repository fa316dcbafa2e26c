namespace ChargePortal.Ocpp.V16;

/// <summary>TriggerMessage request (RemoteTrigger profile), sent by the Central System.</summary>
public sealed record TriggerMessageRequest
{
    public required MessageTrigger RequestedMessage { get; init; }

    public int? ConnectorId { get; init; }
}

/// <summary>Response to TriggerMessage.</summary>
public sealed record TriggerMessageResponse
{
    public required TriggerMessageStatus Status { get; init; }
}
