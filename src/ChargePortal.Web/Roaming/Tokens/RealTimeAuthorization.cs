using System.Text.Json;
using ChargePortal.Web.Data;
using ChargePortal.Web.Roaming.Credentials;
using ChargePortal.Web.Roaming.Ocpi;
using ChargePortal.Web.Roaming.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChargePortal.Web.Roaming.Tokens;

/// <summary>A partner's verdict on a token, and the token as the partner describes it.</summary>
public sealed record RealTimeVerdict(int PartnerId, OcpiAuthorizationInfo Info);

/// <summary>
/// Asks the eMSPs about a token the CPO does not have (or must not whitelist): <c>POST {tokens}/{uid}/authorize</c> at
/// every registered partner with a Tokens SENDER endpoint, all at once and bounded by
/// <see cref="RoamingOptions.RealTimeAuthorizationTimeoutSeconds"/> so the station's Authorize is answered in time.
/// An allowed token is kept, with the authorization reference for its session.
/// </summary>
public sealed partial class RealTimeAuthorization(
    IDbContextFactory<AppDbContext> dbFactory,
    OcpiClient client,
    RoamingActivity activity,
    IOptions<RoamingOptions> options,
    ILogger<RealTimeAuthorization> logger)
{
    public async Task<RealTimeVerdict?> AuthorizeAsync(string uid, int? onlyPartnerId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var partners = await db.Set<RoamingPartner>().AsNoTracking()
            .Where(p => p.Status == RoamingPartnerStatus.Registered && (onlyPartnerId == null || p.Id == onlyPartnerId))
            .ToListAsync(ct);
        var asked = partners
            .Select(p => (Partner: p, Url: PartnerParties.Endpoint(p, OcpiModules.Tokens, InterfaceRoles.Sender)))
            .Where(x => x.Url is not null && x.Partner.OutboundToken is not null)
            .ToList();
        if (asked.Count == 0)
        {
            return null;
        }

        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bounded.CancelAfter(TimeSpan.FromSeconds(options.Value.RealTimeAuthorizationTimeoutSeconds));
        var answers = await Task.WhenAll(asked.Select(x => AskAsync(x.Partner, x.Url!, uid, bounded.Token)));

        // An eMSP that allows the token wins; otherwise the first that knows it and refuses.
        var verdict = answers.OfType<RealTimeVerdict>().OrderBy(v => v.Info.Allowed == OcpiAllowed.Allowed ? 0 : 1).FirstOrDefault();
        if (verdict is { Info.Allowed: OcpiAllowed.Allowed })
        {
            await RememberAsync(db, verdict, ct);
        }

        return verdict;
    }

    private async Task<RealTimeVerdict?> AskAsync(RoamingPartner partner, Uri tokensUrl, string uid, CancellationToken ct)
    {
        var url = new Uri($"{tokensUrl.AbsoluteUri.TrimEnd('/')}/{Uri.EscapeDataString(uid)}/authorize?type=RFID");
        try
        {
            var reply = await client.SendAsync(HttpMethod.Post, url, new OcpiTarget(partner.OutboundToken!, partner.CountryCode, partner.PartyId), "{}", ct);
            if (reply.StatusCode == OcpiStatus.UnknownToken || reply.HttpStatus == StatusCodes.Status404NotFound)
            {
                await activity.RecordOutboundAsync(partner.Id, OcpiModules.Tokens, null, CancellationToken.None);
                return null;
            }

            var info = reply.Succeeded ? reply.Data?.Deserialize<OcpiAuthorizationInfo>(OcpiJson.Options) : null;
            if (info is null || info.Token.Validate() is not null || !PartnerParties.Of(partner).Any(p => p.Is(info.Token.CountryCode, info.Token.PartyId)))
            {
                await activity.RecordOutboundAsync(partner.Id, OcpiModules.Tokens, $"Real-time authorization of {uid}: {reply.Describe()}", CancellationToken.None);
                return null;
            }

            await activity.RecordOutboundAsync(partner.Id, OcpiModules.Tokens, null, CancellationToken.None);
            return new RealTimeVerdict(partner.Id, info);
        }
        catch (Exception e) when (e is OcpiCallException or JsonException || (e is OperationCanceledException && ct.IsCancellationRequested))
        {
            LogAskFailed(logger, partner.Id, e.Message);
            await activity.RecordOutboundAsync(partner.Id, OcpiModules.Tokens, $"Real-time authorization: {e.Message}", CancellationToken.None);
            return null;
        }
    }

    private static async Task RememberAsync(AppDbContext db, RealTimeVerdict verdict, CancellationToken ct)
    {
        var t = verdict.Info.Token;
        var (country, party) = (t.CountryCode.ToUpperInvariant(), t.PartyId.ToUpperInvariant());
        var token = await db.Set<RoamingToken>().FirstOrDefaultAsync(x => x.CountryCode == country && x.PartyId == party && x.Uid == t.Uid && x.Type == t.Type, ct);
        if (token is null)
        {
            token = new RoamingToken { PartnerId = verdict.PartnerId, CountryCode = t.CountryCode, PartyId = t.PartyId, Uid = t.Uid, ContractId = t.ContractId, Issuer = t.Issuer };
            db.Add(token);
        }

        t.CopyTo(token);
        token.PendingAuthMethod = RoamingAuthMethod.AuthRequest;
        token.AuthorizationReference = verdict.Info.AuthorizationReference;
        await db.SaveChangesAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Real-time authorization at partner {PartnerId} failed: {Reason}")]
    private static partial void LogAskFailed(ILogger logger, int partnerId, string reason);
}
