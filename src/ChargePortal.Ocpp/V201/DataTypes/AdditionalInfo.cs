namespace ChargePortal.Ocpp.V201;

/// <summary>Contains a case insensitive identifier to use for the authorization and the type of authorization to support multiple forms of identifiers.</summary>
public sealed record AdditionalInfo
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>This field specifies the additional IdToken.</summary>
    public required string AdditionalIdToken { get; init; }

    /// <summary>This defines the type of the additionalIdToken. This is a custom type, so the implementation needs to be agreed upon by all involved parties.</summary>
    public required string Type { get; init; }
}
