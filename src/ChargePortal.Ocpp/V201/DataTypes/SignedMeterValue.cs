namespace ChargePortal.Ocpp.V201;

/// <summary>Represent a signed version of the meter value.</summary>
public sealed record SignedMeterValue
{
    /// <summary>Vendor-specific extension data.</summary>
    public CustomData? CustomData { get; init; }

    /// <summary>Base64 encoded, contains the signed data which might contain more then just the meter value. It can contain information like timestamps, reference to a customer etc.</summary>
    public required string SignedMeterData { get; init; }

    /// <summary>Method used to create the digital signature.</summary>
    public required string SigningMethod { get; init; }

    /// <summary>Method used to encode the meter values before applying the digital signature algorithm.</summary>
    public required string EncodingMethod { get; init; }

    /// <summary>Base64 encoded, sending depends on configuration variable _PublicKeyWithSignedMeterValue_.</summary>
    public required string PublicKey { get; init; }
}
