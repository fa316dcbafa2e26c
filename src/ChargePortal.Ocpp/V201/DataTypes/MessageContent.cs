namespace ChargePortal.Ocpp.V201;

/// <summary>Contains message details, for a message to be displayed on a Charging Station.</summary>
public sealed record MessageContent
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Format of the message.</summary>
    public required MessageFormatEnum Format { get; init; }

    /// <summary>Message language identifier. Contains a language code as defined in [RFC5646].</summary>
    public string? Language { get; init; }

    /// <summary>Message contents.</summary>
    public required string Content { get; init; }
}
