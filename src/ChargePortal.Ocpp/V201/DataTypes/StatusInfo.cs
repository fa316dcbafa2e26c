namespace ChargePortal.Ocpp.V201;

/// <summary>Element providing more information about the status.</summary>
public sealed record StatusInfo
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>A predefined code for the reason why the status is returned in this response. The string is case-insensitive.</summary>
    public required string ReasonCode { get; init; }

    /// <summary>Additional text to provide detailed information.</summary>
    public string? AdditionalInfo { get; init; }
}
