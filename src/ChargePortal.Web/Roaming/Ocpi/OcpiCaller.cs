using ChargePortal.Web.Data;
using ChargePortal.Web.Roaming.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChargePortal.Web.Roaming.Ocpi;

/// <summary>The partner behind an OCPI request, and whether it used its registration token (token A).</summary>
public sealed record OcpiCaller(RoamingPartner Partner, bool WithRegistrationToken)
{
    private const string ItemKey = "ocpi.caller";

    public static OcpiCaller Of(HttpContext context) =>
        context.Items[ItemKey] as OcpiCaller ?? throw new InvalidOperationException("The OCPI endpoint has no authentication filter.");

    internal void AttachTo(HttpContext context) => context.Items[ItemKey] = this;
}

/// <summary>Marks an OCPI endpoint a partner may call with token A (versions, version details, credentials).</summary>
public sealed class AllowsRegistrationToken;

/// <summary>
/// Every OCPI request: echoes X-Request-ID / X-Correlation-ID, finds the partner by its credentials token (401 with
/// 2000 when unknown), keeps token A to the registration endpoints, and checks the OCPI-to/from routing headers.
/// </summary>
internal sealed class OcpiAuthenticationFilter(IDbContextFactory<AppDbContext> dbFactory, IOptions<RoamingOptions> options, TimeProvider time) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var requestId = http.Request.Headers["X-Request-ID"].ToString();
        var correlationId = http.Request.Headers["X-Correlation-ID"].ToString();
        http.Response.Headers["X-Request-ID"] = requestId.Length > 0 ? requestId : Guid.NewGuid().ToString();
        http.Response.Headers["X-Correlation-ID"] = correlationId.Length > 0 ? correlationId : Guid.NewGuid().ToString();

        var hashes = OcpiTokens.Candidates(http.Request.Headers.Authorization.ToString()).Select(OcpiTokens.Hash).ToList();
        if (hashes.Count == 0)
        {
            return Unauthorized("The Authorization header must be 'Token <credentials token>'.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(http.RequestAborted);
        var partner = await db.Set<RoamingPartner>().AsNoTracking()
            .FirstOrDefaultAsync(p => p.InboundTokenHash != null && hashes.Contains(p.InboundTokenHash), http.RequestAborted);
        if (partner is null || partner.Status == RoamingPartnerStatus.Unregistered)
        {
            return Unauthorized("The credentials token is not known.");
        }

        if (partner.Status == RoamingPartnerStatus.Suspended)
        {
            return Unauthorized("The connection of this party is suspended by the CPO's operator.");
        }

        var withTokenA = partner.InboundTokenIsRegistrationToken;
        if (withTokenA && http.GetEndpoint()?.Metadata.GetMetadata<AllowsRegistrationToken>() is null)
        {
            return Unauthorized("CREDENTIALS_TOKEN_A only opens versions and credentials; register first.");
        }

        if (RoutingError(http.Request.Headers, partner) is { } routing)
        {
            return OcpiResults.Invalid(routing, time);
        }

        new OcpiCaller(partner, withTokenA).AttachTo(http);
        return await next(context);
    }

    private string? RoutingError(IHeaderDictionary headers, RoamingPartner partner)
    {
        var ours = options.Value;
        var toCountry = headers["OCPI-to-country-code"].ToString();
        var toParty = headers["OCPI-to-party-id"].ToString();
        if ((toCountry.Length > 0 && !toCountry.Equals(ours.CountryCode, StringComparison.OrdinalIgnoreCase))
            || (toParty.Length > 0 && !toParty.Equals(ours.PartyId, StringComparison.OrdinalIgnoreCase)))
        {
            return $"OCPI-to-country-code/party-id name {toCountry}/{toParty}; this platform is {ours.CountryCode}/{ours.PartyId}.";
        }

        var fromCountry = headers["OCPI-from-country-code"].ToString();
        var fromParty = headers["OCPI-from-party-id"].ToString();
        if ((fromCountry.Length > 0 || fromParty.Length > 0) && !PartnerParties.Of(partner).Any(p =>
                (fromCountry.Length == 0 || p.CountryCode.Equals(fromCountry, StringComparison.OrdinalIgnoreCase))
                && (fromParty.Length == 0 || p.PartyId.Equals(fromParty, StringComparison.OrdinalIgnoreCase))))
        {
            return $"OCPI-from-country-code/party-id name {fromCountry}/{fromParty}, which is not a party of these credentials.";
        }

        return null;
    }

    private IResult Unauthorized(string message) => OcpiResults.Error(StatusCodes.Status401Unauthorized, OcpiStatus.ClientError, message, time);
}
