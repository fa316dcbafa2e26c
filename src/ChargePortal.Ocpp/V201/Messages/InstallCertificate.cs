namespace ChargePortal.Ocpp.V201;

/// <summary>InstallCertificate request, sent by the CSMS.</summary>
public sealed record InstallCertificateRequest
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Indicates the certificate type that is sent.</summary>
    public required InstallCertificateUseEnum CertificateType { get; init; }

    /// <summary>A PEM encoded X.509 certificate.</summary>
    public required string Certificate { get; init; }
}

/// <summary>Response to InstallCertificate.</summary>
public sealed record InstallCertificateResponse
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Charging Station indicates if installation was successful.</summary>
    public required InstallCertificateStatusEnum Status { get; init; }

    /// <summary>Element providing more information about the status.</summary>
    public StatusInfo? StatusInfo { get; init; }
}
