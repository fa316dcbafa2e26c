namespace ChargePortal.Web.PlugAndCharge;

public enum OcspCertificateStatus
{
    Good,
    Revoked,
    Unknown,
}

/// <summary>
/// One OCSP answer about one certificate. <see cref="Response"/> is the DER OCSPResponse exactly as the responder sent
/// it (M06.FR.08/09: handed to the station as is). <see cref="SignedByIssuer"/> says whether the CSMS could tie the
/// response's signature to the certificate's issuer (directly, or through a delegated OCSP signing certificate).
/// </summary>
public sealed record OcspLookup(OcspCertificateStatus? Status, byte[]? Response, bool SignedByIssuer, DateTimeOffset? NextUpdate, string? Failure)
{
    public bool Succeeded => Failure is null;

    public static OcspLookup Failed(string reason) => new(null, null, false, null, reason);
}
