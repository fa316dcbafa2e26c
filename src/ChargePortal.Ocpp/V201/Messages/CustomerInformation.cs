namespace ChargePortal.Ocpp.V201;

/// <summary>CustomerInformation request, sent by the CSMS.</summary>
public sealed record CustomerInformationRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    public CertificateHashData? CustomerCertificate { get; init; }

    /// <summary>Contains a case insensitive identifier to use for the authorization and the type of authorization to support multiple forms of identifiers.</summary>
    public IdToken? IdToken { get; init; }

    /// <summary>The Id of the request.</summary>
    public required int RequestId { get; init; }

    /// <summary>Flag indicating whether the Charging Station should return NotifyCustomerInformationRequest messages containing information about the customer referred to.</summary>
    public required bool Report { get; init; }

    /// <summary>Flag indicating whether the Charging Station should clear all information about the customer referred to.</summary>
    public required bool Clear { get; init; }

    /// <summary>A (e.g. vendor specific) identifier of the customer this request refers to. This field contains a custom identifier other than IdToken and Certificate. One of the possible identifiers (customerIdentifier, customerIdToken or customerCertificate) should be in the request message.</summary>
    public string? CustomerIdentifier { get; init; }
}

/// <summary>Response to CustomerInformation.</summary>
public sealed record CustomerInformationResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Indicates whether the request was accepted.</summary>
    public required CustomerInformationStatusEnum Status { get; init; }

    /// <summary>Element providing more information about the status.</summary>
    public StatusInfo? StatusInfo { get; init; }
}
