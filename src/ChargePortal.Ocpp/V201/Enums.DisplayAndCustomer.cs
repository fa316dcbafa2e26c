namespace ChargePortal.Ocpp.V201;

// The OCPP 2.0.1 enumerations of DisplayAndCustomer, members serialized as their exact OCPP strings.

/// <summary>Returns whether the Charging Station has been able to remove the message.</summary>
public enum ClearMessageStatusEnum
{
    Accepted,
    Unknown,
}

/// <summary>Indicates whether the request was accepted.</summary>
public enum CustomerInformationStatusEnum
{
    Accepted,
    Rejected,
    Invalid,
}

/// <summary>This indicates whether the Charging Station is able to display the message.</summary>
public enum DisplayMessageStatusEnum
{
    Accepted,
    NotSupportedMessageFormat,
    Rejected,
    NotSupportedPriority,
    NotSupportedState,
    UnknownTransaction,
}

/// <summary>Indicates if the Charging Station has Display Messages that match the request criteria in the GetDisplayMessagesRequest</summary>
public enum GetDisplayMessagesStatusEnum
{
    Accepted,
    Unknown,
}

/// <summary>Format of the message.</summary>
public enum MessageFormatEnum
{
    ASCII,
    HTML,
    URI,
    UTF8,
}

/// <summary>If provided the Charging Station shall return Display Messages with the given priority only.</summary>
public enum MessagePriorityEnum
{
    AlwaysFront,
    InFront,
    NormalCycle,
}

/// <summary>If provided the Charging Station shall return Display Messages with the given state only.</summary>
public enum MessageStateEnum
{
    Charging,
    Faulted,
    Idle,
    Unavailable,
}
