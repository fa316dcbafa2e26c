using System.Text.Json;
using ChargePortal.Web.Data;
using ChargePortal.Web.Roaming.Ocpi;
using ChargePortal.Web.Roaming.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChargePortal.Web.Roaming.Credentials;

/// <summary>Why a handshake did not complete, with the OCPI status code to report.</summary>
public sealed record HandshakeFailure(int OcpiStatus, string Message);

/// <summary>
/// The credentials handshake in both directions. Partner-initiated: it POSTs (or PUTs) its credentials with token A
/// (or its current token); we read its endpoints with the token it gave, then answer with a new token for it.
/// CPO-initiated: we read its endpoints with the token A it gave us, POST credentials with a new token for it, and keep
/// the token its answer carries.
/// </summary>
public sealed class CredentialsHandshake(
    IDbContextFactory<AppDbContext> dbFactory,
    PartnerDiscovery discovery,
    OcpiClient client,
    IOptions<RoamingOptions> options,
    RoamingPartnerPresence presence,
    TimeProvider time)
{
    public OcpiCredentials OurCredentials(string token, string versionsUrl) => new()
    {
        Token = token,
        Url = versionsUrl,
        Roles =
        [
            new CredentialsRole
            {
                Role = "CPO",
                CountryCode = options.Value.CountryCode,
                PartyId = options.Value.PartyId,
                BusinessDetails = new BusinessDetails { Name = options.Value.BusinessName },
            },
        ],
    };

    public static string? Validate(OcpiCredentials credentials)
    {
        var checks = new OcpiChecks()
            .Required("token", credentials.Token, OcpiTokens.MaxLength)
            .That(credentials.Token is null || credentials.Token.All(c => c is >= '!' and <= '~'), "token must be printable ASCII without whitespace.")
            .AbsoluteUrl("url", credentials.Url)
            .That(credentials.Roles is { Count: > 0 }, "roles must list at least one role.");
        foreach (var (role, i) in (credentials.Roles ?? []).Select((r, i) => (r, i)))
        {
            checks.OneOf($"roles[{i}].role", role.Role, OcpiRoleNames.All)
                .CountryCode($"roles[{i}].country_code", role.CountryCode)
                .PartyId($"roles[{i}].party_id", role.PartyId)
                .Required($"roles[{i}].business_details.name", role.BusinessDetails?.Name, 100);
        }

        return checks.Error;
    }

    /// <summary>Partner-initiated registration (POST) or update (PUT). Returns the new token for the partner.</summary>
    public async Task<(string? NewToken, HandshakeFailure? Failure)> AcceptAsync(int partnerId, OcpiCredentials theirs, CancellationToken ct)
    {
        DiscoveredPartner discovered;
        try
        {
            discovered = await discovery.DiscoverAsync(theirs.Url, theirs.Token, ct);
        }
        catch (PartnerDiscoveryException e)
        {
            return (null, new HandshakeFailure(e.OcpiStatus, e.Message));
        }

        var newToken = OcpiTokens.Generate();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var partner = await db.Set<RoamingPartner>().SingleAsync(p => p.Id == partnerId, ct);
        Apply(partner, discovered, theirs.Roles);
        partner.OutboundToken = theirs.Token;
        partner.InboundTokenHash = OcpiTokens.Hash(newToken);
        partner.InboundTokenIsRegistrationToken = false;
        partner.Status = RoamingPartnerStatus.Registered;
        partner.RegisteredAt ??= time.GetUtcNow();
        partner.LastHandshakeError = null;
        await db.SaveChangesAsync(ct);
        presence.Changed();
        return (newToken, null);
    }

    /// <summary>CPO-initiated registration with the versions URL and token A the partner handed over.</summary>
    public async Task<HandshakeFailure?> RegisterWithAsync(int partnerId, string versionsUrl, string tokenA, string ourVersionsUrl, CancellationToken ct)
    {
        var failure = await ExchangeAsync(partnerId, versionsUrl, tokenA, ourVersionsUrl, HttpMethod.Post, ct);
        if (failure is not null)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await db.Set<RoamingPartner>().Where(p => p.Id == partnerId)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.LastHandshakeError, failure.Message), ct);
        }

        return failure;
    }

    /// <summary>CPO-initiated update: new token for the partner over PUT, its endpoints read again.</summary>
    public async Task<HandshakeFailure?> UpdateAsync(int partnerId, string ourVersionsUrl, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var partner = await db.Set<RoamingPartner>().AsNoTracking().SingleAsync(p => p.Id == partnerId, ct);
        if (partner.Status != RoamingPartnerStatus.Registered || partner.VersionsUrl is null || partner.OutboundToken is null)
        {
            return new HandshakeFailure(OcpiStatus.ClientError, "The partner is not registered.");
        }

        return await ExchangeAsync(partnerId, partner.VersionsUrl, partner.OutboundToken, ourVersionsUrl, HttpMethod.Put, ct);
    }

    /// <summary>Tells a registered partner its credentials are withdrawn (DELETE), then ends the connection here.</summary>
    public async Task<string?> UnregisterAsync(int partnerId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var partner = await db.Set<RoamingPartner>().SingleAsync(p => p.Id == partnerId, ct);
        string? warning = null;
        var url = PartnerParties.Endpoint(partner, OcpiModules.Credentials, InterfaceRoles.Receiver)
            ?? PartnerParties.Endpoint(partner, OcpiModules.Credentials, InterfaceRoles.Sender);
        if (partner.Status is RoamingPartnerStatus.Registered or RoamingPartnerStatus.Suspended && partner.OutboundToken is { } token && url is not null)
        {
            try
            {
                var reply = await client.SendAsync(HttpMethod.Delete, url, new OcpiTarget(token, partner.CountryCode, partner.PartyId), null, ct);
                warning = reply.Succeeded ? null : $"The partner answered the DELETE with {reply.Describe()}.";
            }
            catch (OcpiCallException e)
            {
                warning = e.Message;
            }
        }

        MarkUnregistered(partner, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return warning;
    }

    public static void MarkUnregistered(RoamingPartner partner, DateTimeOffset now)
    {
        partner.Status = RoamingPartnerStatus.Unregistered;
        partner.InboundTokenHash = null;
        partner.OutboundToken = null;
        partner.UpdatedAt = now;
    }

    private async Task<HandshakeFailure?> ExchangeAsync(int partnerId, string versionsUrl, string theirToken, string ourVersionsUrl, HttpMethod method, CancellationToken ct)
    {
        DiscoveredPartner discovered;
        try
        {
            discovered = await discovery.DiscoverAsync(versionsUrl, theirToken, ct);
        }
        catch (PartnerDiscoveryException e)
        {
            return new HandshakeFailure(e.OcpiStatus, e.Message);
        }

        var credentialsUrl = discovered.Endpoints.First(e => e.Identifier == OcpiModules.Credentials).Url;

        // The partner reads our versions with the new token while it handles the POST, so the token works from now on.
        var ourToken = OcpiTokens.Generate();
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var partner = await db.Set<RoamingPartner>().SingleAsync(p => p.Id == partnerId, ct);
            partner.InboundTokenHash = OcpiTokens.Hash(ourToken);
            partner.InboundTokenIsRegistrationToken = false;
            await db.SaveChangesAsync(ct);
        }

        OcpiReply reply;
        try
        {
            reply = await client.SendAsync(method, new Uri(credentialsUrl), new OcpiTarget(theirToken, null, null), OurCredentials(ourToken, ourVersionsUrl), ct);
        }
        catch (OcpiCallException e)
        {
            return new HandshakeFailure(OcpiStatus.UnableToUseClientApi, e.Message);
        }

        OcpiCredentials? answer = null;
        try
        {
            answer = reply.Data?.Deserialize<OcpiCredentials>(OcpiJson.Options);
        }
        catch (JsonException)
        {
            // Reported below as an unusable answer.
        }

        var invalid = answer is null ? "no credentials object" : Validate(answer);
        if (!reply.Succeeded || invalid is not null)
        {
            return new HandshakeFailure(OcpiStatus.UnableToUseClientApi,
                $"The partner's credentials endpoint answered {reply.Describe()}{(invalid is null ? "" : ": " + invalid)}");
        }

        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var partner = await db.Set<RoamingPartner>().SingleAsync(p => p.Id == partnerId, ct);
            Apply(partner, discovered, answer!.Roles);
            partner.OutboundToken = answer.Token;
            partner.Status = RoamingPartnerStatus.Registered;
            partner.RegisteredAt ??= time.GetUtcNow();
            partner.LastHandshakeError = null;
            await db.SaveChangesAsync(ct);
            presence.Changed();
        }

        return null;
    }

    private void Apply(RoamingPartner partner, DiscoveredPartner discovered, IReadOnlyList<CredentialsRole> roles)
    {
        partner.VersionsUrl = discovered.VersionsUrl;
        partner.Version = OcpiUrls.Version;
        partner.EndpointsJson = JsonSerializer.Serialize(discovered.Endpoints, OcpiJson.Options);
        partner.RolesJson = JsonSerializer.Serialize(roles, OcpiJson.Options);
        partner.UpdatedAt = time.GetUtcNow();
    }
}
