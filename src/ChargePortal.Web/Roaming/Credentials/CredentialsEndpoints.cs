using ChargePortal.Web.Roaming.Ocpi;
using ChargePortal.Web.Roaming.Partners;

namespace ChargePortal.Web.Roaming.Credentials;

/// <summary>Versions, version details and the credentials module (2.2.1 chapters 6 and 7).</summary>
public static class CredentialsEndpoints
{
    public static RouteGroupBuilder MapOcpiRegistration(this RouteGroupBuilder ocpi)
    {
        var tokenA = new AllowsRegistrationToken();
        ocpi.MapGet("/versions", Versions).WithMetadata(tokenA);
        ocpi.MapGet("/" + OcpiUrls.Version, Details).WithMetadata(tokenA);
        var credentials = "/" + OcpiUrls.Version + "/" + OcpiModules.Credentials;
        ocpi.MapGet(credentials, Get).WithMetadata(tokenA);
        ocpi.MapPost(credentials, PostAsync).WithMetadata(tokenA);
        ocpi.MapPut(credentials, PutAsync);
        ocpi.MapDelete(credentials, DeleteAsync);
        return ocpi;
    }

    private static IResult Versions(HttpRequest request, OcpiUrls urls, TimeProvider time) =>
        OcpiResults.Ok(new[] { new OcpiVersion(OcpiUrls.Version, urls.Details(request)) }, time);

    private static IResult Details(HttpRequest request, OcpiUrls urls, TimeProvider time) =>
        OcpiResults.Ok(new OcpiVersionDetails(OcpiUrls.Version, urls.Endpoints(request)), time);

    /// <summary>Our credentials object for the caller: the token it is using, our versions URL and roles.</summary>
    private static IResult Get(HttpContext http, OcpiUrls urls, CredentialsHandshake handshake, TimeProvider time)
    {
        var token = OcpiTokens.Candidates(http.Request.Headers.Authorization.ToString())[0];
        return OcpiResults.Ok(handshake.OurCredentials(token, urls.Versions(http.Request)), time);
    }

    private static Task<IResult> PostAsync(HttpContext http, OcpiUrls urls, CredentialsHandshake handshake, TimeProvider time, CancellationToken ct) =>
        ExchangeAsync(http, urls, handshake, time, registering: true, ct);

    private static Task<IResult> PutAsync(HttpContext http, OcpiUrls urls, CredentialsHandshake handshake, TimeProvider time, CancellationToken ct) =>
        ExchangeAsync(http, urls, handshake, time, registering: false, ct);

    private static async Task<IResult> ExchangeAsync(HttpContext http, OcpiUrls urls, CredentialsHandshake handshake, TimeProvider time, bool registering, CancellationToken ct)
    {
        var caller = OcpiCaller.Of(http);
        var registered = caller.Partner.Status == RoamingPartnerStatus.Registered;
        if (registering == registered)
        {
            // POST on a registered client, PUT on one that is not: 405, as the credentials module prescribes.
            return OcpiResults.Error(StatusCodes.Status405MethodNotAllowed, OcpiStatus.ClientError,
                registering ? "Already registered: use PUT to update the credentials." : "Not registered yet: use POST to register.", time);
        }

        var (credentials, readError) = await OcpiBody.ReadAsync<OcpiCredentials>(http.Request, ct);
        var invalid = readError ?? CredentialsHandshake.Validate(credentials!);
        if (invalid is null && !credentials!.Roles.Any(r => new PartyRef(caller.Partner.CountryCode, caller.Partner.PartyId).Is(r.CountryCode, r.PartyId)))
        {
            invalid = $"roles do not include the party {caller.Partner.CountryCode}/{caller.Partner.PartyId} these credentials were issued to.";
        }

        if (invalid is not null)
        {
            return OcpiResults.Invalid(invalid, time);
        }

        var (newToken, failure) = await handshake.AcceptAsync(caller.Partner.Id, credentials!, ct);
        return failure is not null
            ? OcpiResults.Error(StatusCodes.Status400BadRequest, failure.OcpiStatus, failure.Message, time)
            : OcpiResults.Ok(handshake.OurCredentials(newToken!, urls.Versions(http.Request)), time);
    }

    private static async Task<IResult> DeleteAsync(HttpContext http, RoamingPartners partners, TimeProvider time, CancellationToken ct)
    {
        var caller = OcpiCaller.Of(http);
        if (caller.Partner.Status != RoamingPartnerStatus.Registered)
        {
            return OcpiResults.Error(StatusCodes.Status405MethodNotAllowed, OcpiStatus.ClientError, "Not registered.", time);
        }

        await partners.ForgetCredentialsAsync(caller.Partner.Id, ct);
        return OcpiResults.Ok(time);
    }
}
