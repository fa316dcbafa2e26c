namespace ChargePortal.Web.Transactions.Signing;

/// <summary>
/// A signed meter value as the station sent it (2.0.1 SignedMeterValueType; 1.6 the OCA whitepaper's SampledValue of
/// format SignedData): the meter's signed data, base64 as OCPP carries it, and how to check it. Kept verbatim: the
/// driver verifies exactly these bytes against the meter's public key.
/// </summary>
/// <param name="SignedMeterData">Base64 of the signed data (2.0.1, whitepaper); a legacy 1.6 station may send the plain data.</param>
/// <param name="SigningMethod">Empty when the signed data names it itself (OCMF does).</param>
/// <param name="EncodingMethod">The meter's format: OCMF, EDL …; null when a legacy 1.6 station did not say.</param>
/// <param name="PublicKey">Base64 (whitepaper 3.2.2: <c>oca:base16:asn1:…</c>); null or empty when not sent with this value.</param>
public sealed record SignedReading(string SignedMeterData, string? SigningMethod, string? EncodingMethod, string? PublicKey)
{
    /// <summary>The 1.6 SampledValue.format of a signed value.</summary>
    public const string V16Format = "SignedData";

    public string? PublicKeyOrNull => string.IsNullOrWhiteSpace(PublicKey) ? null : PublicKey;
}
