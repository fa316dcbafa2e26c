using System.Collections.Concurrent;
using ChargePortal.Ocpp.Rpc;
using ChargePortal.Web.Alerts;
using ChargePortal.Web.Ocpp.Commands;
using ChargePortal.Web.Ocpp.Connections;

namespace ChargePortal.Web.StationSecurity.Certificates;

/// <summary>
/// A02/A03 (1.6 Security Whitepaper use cases A02/A03 alike): a station's SignCertificate is answered Accepted when its
/// CSR passes the CA's checks, and only after that answer went out is the certificate signed and sent with
/// CertificateSigned (the signing is asynchronous to the request, as the spec's sequence shows). A refused CSR is
/// answered Rejected (A02.FR.12) and recorded as a security event with an alert.
/// </summary>
public sealed partial class StationCertificateSigning(
    StationCertificateAuthority authority,
    StationCertificateStore store,
    SecurityEventLog securityEvents,
    AlertService alerts,
    IServiceProvider services,
    TimeProvider time,
    ILogger<StationCertificateSigning> logger) : IStationFrameTap
{
    /// <summary>The security event the CSMS records for a CSR it refused.</summary>
    public const string RejectedCsrEvent = "InvalidCertificateSigningRequest";

    public static readonly CommandActor Actor = new("CSMS (certificate authority)", null);

    private readonly ConcurrentDictionary<string, CheckedSigningRequest> _awaitingAnswer = new(StringComparer.Ordinal);

    /// <returns>Whether the request is accepted; if so the certificate follows once the answer is sent.</returns>
    public async Task<bool> OnSignCertificateAsync(string stationId, string csr, bool forV2G, CancellationToken ct)
    {
        var check = forV2G
            ? new SigningRequestCheck(null, "V2G (ISO 15118) certificates are signed by the V2G PKI, not by the CSMS's station CA.")
            : authority.Check(stationId, csr);
        if (check.Accepted is { } accepted)
        {
            _awaitingAnswer[stationId] = accepted;
            return true;
        }

        LogRefused(stationId, check.Refusal!);
        if (authority.IsAvailable && !forV2G)
        {
            // A CSR that breaks the rules may be an impostor's or a misconfigured station's: someone should look.
            var techInfo = "Raised by the CSMS: " + check.Refusal;
            await securityEvents.RecordAsync(stationId, RejectedCsrEvent, time.GetUtcNow(), techInfo[..Math.Min(techInfo.Length, SecurityEvent.MaxTechInfoLength)], ct);
            await alerts.RaiseAsync(new AlertRequest(AlertKind.SecurityEvent, stationId, 0, 0, $"Certificate signing request rejected: {check.Refusal}", Subject: RejectedCsrEvent), ct);
        }

        return false;
    }

    public void Attach(IStationConnection connection)
    {
        connection.Peer.FrameLogged += (_, frame) =>
        {
            if (frame is { Direction: OcppFrameDirection.Outgoing, MessageType: OcppMessageType.CallResult, Action: "SignCertificate" }
                && _awaitingAnswer.TryRemove(connection.StationId, out var request))
            {
                // The peer logs the answer while holding its send lock: CertificateSigned queues behind it.
                _ = Task.Run(() => IssueAsync(connection.StationId, request));
            }
        };
    }

    private async Task IssueAsync(string stationId, CheckedSigningRequest request)
    {
        try
        {
            var issued = authority.Sign(request);
            using var certificate = issued.Certificate;
            var id = await store.RecordIssuedAsync(stationId, certificate, authority.Certificate!, CancellationToken.None);
            var commands = services.GetRequiredService<StationCommandService>();
            var result = await commands.ExecuteAsync(stationId, new CertificateSignedArguments(issued.ChainPem), Actor, CancellationToken.None);
            await store.SetDeliveryStatusAsync(id, result.Answer?.StatusText ?? result.Error!.Kind.ToString(), CancellationToken.None);
            LogDelivered(stationId, certificate.SerialNumber, result.Outcome);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogError(ex, "Signing the certificate of {StationId} failed", stationId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SignCertificate of {StationId} rejected: {Reason}")]
    private partial void LogRefused(string stationId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "CertificateSigned (serial {Serial}) sent to {StationId}: {Outcome}")]
    private partial void LogDelivered(string stationId, string serial, string outcome);
}
