namespace ChargePortal.Ocpp.V201;

/// <summary>Contains the identifier to use for authorization.</summary>
public sealed record AuthorizationData
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Contains a case insensitive identifier to use for the authorization and the type of authorization to support multiple forms of identifiers.</summary>
    public required IdToken IdToken { get; init; }

    /// <summary>Contains status information about an identifier. It is advised to not stop charging for a token that expires during charging, as ExpiryDate is only used for caching purposes. If ExpiryDate is not given, the status has no end date.</summary>
    public IdTokenInfo? IdTokenInfo { get; init; }
}
