using ChargePortal.Ocpp.Rpc;
using ChargePortal.Ocpp.V201;
using ChargePortal.Web.PlugAndCharge;

namespace ChargePortal.Web.Ocpp.Handling;

/// <summary>
/// ISO 15118 Plug &amp; Charge (blocks C07 and M): contract certificates fetched from the operator's provider,
/// certificate status from OCSP, and authorization of a contract by its certificate.
/// </summary>
internal static class V201PlugAndCharge
{
    /// <summary>StatusInfo's additionalInfo has at most 512 characters.</summary>
    private const int MaxAdditionalInfo = 512;

    /// <summary>M01/M02: the EXI request goes to the provider and its EXI answer back to the station, neither read nor changed.</summary>
    public static async ValueTask<OcppCallOutcome> EvCertificateAsync(string stationId, OcppIncomingCall call, StationServices s, CancellationToken ct)
    {
        var request = call.ReadRequest<Get15118EVCertificateRequest>();
        var result = await s.PlugAndCharge.Provider.RequestAsync(
            new ContractCertificateRequest(stationId, request.Iso15118SchemaVersion, OcppEnumText.Of(request.Action)!, request.ExiRequest), ct);
        s.Lifecycle.Notify(stationId, "Iso15118Certificate", $"{OcppEnumText.Of(request.Action)}: {(result.Accepted ? "Accepted" : "Failed")}");
        return call.Respond(new Get15118EVCertificateResponse
        {
            Status = result.Accepted ? Iso15118EVCertificateStatusEnum.Accepted : Iso15118EVCertificateStatusEnum.Failed,
            ExiResponse = result.ExiResponse,
            StatusInfo = result.Reason is { } reason ? Info("ProviderFailed", reason) : null,
        });
    }

    /// <summary>M06: Accepted with the responder's DER answer (good or revoked alike); Failed when there is no answer to give.</summary>
    public static async ValueTask<OcppCallOutcome> CertificateStatusAsync(string stationId, OcppIncomingCall call, StationServices s, CancellationToken ct)
    {
        var data = call.ReadRequest<GetCertificateStatusRequest>().OcspRequestData;
        if (OcspCertificateId.From(data, out var problem) is not { } id)
        {
            return call.Respond(new GetCertificateStatusResponse { Status = GetCertificateStatusEnum.Failed, StatusInfo = Info("InvalidRequest", problem!) });
        }

        var lookup = await s.PlugAndCharge.Ocsp.CheckAsync(id, data.ResponderURL, issuer: null, ct);
        s.Lifecycle.Notify(stationId, "CertificateStatus", lookup.Succeeded ? $"{id.SerialNumber}: {lookup.Status}" : $"{id.SerialNumber}: failed");
        return call.Respond(lookup.Succeeded
            ? new GetCertificateStatusResponse { Status = GetCertificateStatusEnum.Accepted, OcspResult = Convert.ToBase64String(lookup.Response!) }
            : new GetCertificateStatusResponse { Status = GetCertificateStatusEnum.Failed, StatusInfo = Info("OcspFailed", lookup.Failure!) });
    }

    /// <summary>C07: an Authorize carrying a contract certificate or its hash data.</summary>
    public static async ValueTask<OcppCallOutcome> AuthorizeContractAsync(string stationId, OcppIncomingCall call, AuthorizeRequest request, StationServices s,
        CancellationToken ct)
    {
        var outcome = await s.PlugAndCharge.Contracts.AuthorizeAsync(stationId, request.IdToken.Value, request.Certificate, request.Iso15118CertificateHashData, ct);
        var info = outcome.Token is { } token
            ? V201StationMessages.ToIdTokenInfo(token)
            : new IdTokenInfo { Status = outcome.Refusal!.Value };
        return call.Respond(new AuthorizeResponse { IdTokenInfo = info, CertificateStatus = outcome.CertificateStatus });
    }

    private static StatusInfo Info(string code, string text) =>
        new() { ReasonCode = code, AdditionalInfo = text.Length > MaxAdditionalInfo ? text[..MaxAdditionalInfo] : text };
}
