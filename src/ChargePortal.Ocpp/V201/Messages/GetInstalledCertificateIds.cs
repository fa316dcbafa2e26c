namespace ChargePortal.Ocpp.V201;

/// <summary>GetInstalledCertificateIds request, sent by the CSMS.</summary>
public sealed record GetInstalledCertificateIdsRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Indicates the type of certificates requested. When omitted, all certificate types are requested.</summary>
    public IReadOnlyList<GetCertificateIdUseEnum>? CertificateType { get; init; }
}

/// <summary>Response to GetInstalledCertificateIds.</summary>
public sealed record GetInstalledCertificateIdsResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Charging Station indicates if it can process the request.</summary>
    public required GetInstalledCertificateStatusEnum Status { get; init; }

    /// <summary>Element providing more information about the status.</summary>
    public StatusInfo? StatusInfo { get; init; }

    public IReadOnlyList<CertificateHashDataChain>? CertificateHashDataChain { get; init; }
}
