using ChargePortal.Ocpp.V201;
using ChargePortal.Web.Data;
using ChargePortal.Web.Tokens;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebIdToken = ChargePortal.Web.Tokens.IdToken;

namespace ChargePortal.Web.PlugAndCharge;

/// <summary>
/// The answer to an ISO 15118 Authorize: the eMAID token's own status when the contract certificate is valid, else
/// the status C07 prescribes for the certificate's failure (<see cref="Refusal"/>).
/// </summary>
public sealed record ContractAuthorization(AuthorizationResult? Token, AuthorizationStatusEnum? Refusal, AuthorizeCertificateStatusEnum CertificateStatus, string? Reason);

/// <summary>
/// C07 Authorization using contract certificates: the certificate (chain or hash data) is checked by OCSP, then the
/// eMAID is authorized as an id token (created first when PlugAndCharge:UnknownContractPolicy is Create).
/// </summary>
public sealed partial class ContractAuthorizer(ContractCertificateCheck check, TokenAuthorizer tokens, IDbContextFactory<AppDbContext> dbFactory,
    IOptions<PlugAndChargeOptions> options, TimeProvider time, ILogger<ContractAuthorizer> logger)
{
    public async Task<ContractAuthorization> AuthorizeAsync(string stationId, string emaid, string? certificate, IReadOnlyList<OCSPRequestData>? hashData,
        CancellationToken ct)
    {
        var verdict = certificate is not null
            ? await check.CheckChainAsync(emaid, certificate, ct)
            : await check.CheckHashDataAsync(hashData ?? [], ct);
        if (verdict.Status != AuthorizeCertificateStatusEnum.Accepted)
        {
            LogRefused(logger, emaid, stationId, verdict.Status, verdict.Reason ?? "");

            // C07.FR.15–17: an expired chain makes the token Expired; any other certificate failure makes it Invalid.
            var refusal = verdict.Status == AuthorizeCertificateStatusEnum.CertificateExpired ? AuthorizationStatusEnum.Expired : AuthorizationStatusEnum.Invalid;
            return new ContractAuthorization(null, refusal, verdict.Status, verdict.Reason);
        }

        var result = await tokens.AuthorizeAsync(emaid, stationId, ct);
        if (result.Status == TokenAuthorization.Invalid && options.Value.UnknownContractPolicy == UnknownContractPolicy.Create
            && await CreateTokenAsync(emaid, ct))
        {
            result = await tokens.AuthorizeAsync(emaid, stationId, ct);
        }

        // C07.FR.13/14: a valid certificate whose eMAID may not charge is a cancelled contract.
        var cancelled = result.Status is TokenAuthorization.Invalid or TokenAuthorization.Blocked or TokenAuthorization.Expired
            or TokenAuthorization.FreeVendNotOffered or TokenAuthorization.MasterPassCannotStart;
        return new ContractAuthorization(result, null,
            cancelled ? AuthorizeCertificateStatusEnum.ContractCancelled : AuthorizeCertificateStatusEnum.Accepted, null);
    }

    private async Task<bool> CreateTokenAsync(string emaid, CancellationToken ct)
    {
        if (emaid.Length > WebIdToken.MaxIdTagLength)
        {
            return false;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await TokenAuthorizer.FindAsync(db, emaid, ct) is not null)
        {
            return true;
        }

        db.IdTokens.Add(new WebIdToken
        {
            IdTag = emaid,
            Kind = IdTokenKind.Central,
            Status = IdTokenStatus.Accepted,
            Label = "ISO 15118 contract (created at its first Plug & Charge authorization)",
            CreatedAt = time.GetUtcNow(),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two stations authorizing the same new contract at once: the other one created it.
        }

        LogCreated(logger, emaid);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Contract {Emaid} at {StationId} refused: {Status} ({Reason})")]
    private static partial void LogRefused(ILogger logger, string emaid, string stationId, AuthorizeCertificateStatusEnum status, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Id token created for the ISO 15118 contract {Emaid} (PlugAndCharge:UnknownContractPolicy=Create)")]
    private static partial void LogCreated(ILogger logger, string emaid);
}
