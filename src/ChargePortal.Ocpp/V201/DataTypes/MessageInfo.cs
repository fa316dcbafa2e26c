namespace ChargePortal.Ocpp.V201;

/// <summary>Contains message details, for a message to be displayed on a Charging Station.</summary>
public sealed record MessageInfo
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>A physical or logical component</summary>
    public Component? Display { get; init; }

    /// <summary>Master resource identifier, unique within an exchange context. It is defined within the OCPP context as a positive Integer value (greater or equal to zero).</summary>
    public required int Id { get; init; }

    /// <summary>With what priority should this message be shown</summary>
    public required MessagePriorityEnum Priority { get; init; }

    /// <summary>During what state should this message be shown. When omitted this message should be shown in any state of the Charging Station.</summary>
    public MessageStateEnum? State { get; init; }

    /// <summary>From what date-time should this message be shown. If omitted: directly.</summary>
    public DateTimeOffset? StartDateTime { get; init; }

    /// <summary>Until what date-time should this message be shown, after this date/time this message SHALL be removed.</summary>
    public DateTimeOffset? EndDateTime { get; init; }

    /// <summary>During which transaction shall this message be shown. Message SHALL be removed by the Charging Station after transaction has ended.</summary>
    public string? TransactionId { get; init; }

    /// <summary>Contains message details, for a message to be displayed on a Charging Station.</summary>
    public required MessageContent Message { get; init; }
}
