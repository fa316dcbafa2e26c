namespace ChargePortal.Ocpp.V201;

/// <summary>OCPP 2.0.1 OCSPRequestDataType.</summary>
public sealed record OCSPRequestData
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Used algorithms for the hashes provided.</summary>
    public required HashAlgorithmEnum HashAlgorithm { get; init; }

    /// <summary>Hashed value of the Issuer DN (Distinguished Name).</summary>
    public required string IssuerNameHash { get; init; }

    /// <summary>Hashed value of the issuers public key</summary>
    public required string IssuerKeyHash { get; init; }

    /// <summary>The serial number of the certificate.</summary>
    public required string SerialNumber { get; init; }

    /// <summary>This contains the responder URL (Case insensitive).</summary>
    public required string ResponderURL { get; init; }
}
