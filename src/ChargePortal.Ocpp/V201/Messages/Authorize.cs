namespace ChargePortal.Ocpp.V201;

/// <summary>Authorize request, sent by the Charging Station.</summary>
public sealed record AuthorizeRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Contains a case insensitive identifier to use for the authorization and the type of authorization to support multiple forms of identifiers.</summary>
    public required IdToken IdToken { get; init; }

    /// <summary>The X.509 certificated presented by EV and encoded in PEM format.</summary>
    public string? Certificate { get; init; }

    public IReadOnlyList<OCSPRequestData>? Iso15118CertificateHashData { get; init; }
}

/// <summary>Response to Authorize.</summary>
public sealed record AuthorizeResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Contains status information about an identifier. It is advised to not stop charging for a token that expires during charging, as ExpiryDate is only used for caching purposes. If ExpiryDate is not given, the status has no end date.</summary>
    public required IdTokenInfo IdTokenInfo { get; init; }

    /// <summary>Certificate status information. - if all certificates are valid: return 'Accepted'. - if one of the certificates was revoked, return 'CertificateRevoked'.</summary>
    public AuthorizeCertificateStatusEnum? CertificateStatus { get; init; }
}
