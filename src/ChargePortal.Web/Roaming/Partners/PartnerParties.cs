using System.Text.Json;
using ChargePortal.Web.Roaming.Credentials;
using ChargePortal.Web.Roaming.Ocpi;

namespace ChargePortal.Web.Roaming.Partners;

/// <summary>A country code and party id pair.</summary>
public sealed record PartyRef(string CountryCode, string PartyId)
{
    public bool Is(string? countryCode, string? partyId) =>
        CountryCode.Equals(countryCode, StringComparison.OrdinalIgnoreCase) && PartyId.Equals(partyId, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Reads what a partner's stored credentials say: its parties and its module endpoints.</summary>
public static class PartnerParties
{
    /// <summary>The party registered by the operator and every role the partner listed in its credentials.</summary>
    public static IReadOnlyList<PartyRef> Of(RoamingPartner partner)
    {
        var parties = new List<PartyRef> { new(partner.CountryCode, partner.PartyId) };
        if (partner.RolesJson is { } json)
        {
            var roles = JsonSerializer.Deserialize<List<CredentialsRole>>(json, OcpiJson.Options) ?? [];
            parties.AddRange(roles.Select(r => new PartyRef(r.CountryCode, r.PartyId)));
        }

        return parties;
    }

    public static IReadOnlyList<OcpiEndpoint> Endpoints(RoamingPartner partner) =>
        partner.EndpointsJson is { } json ? JsonSerializer.Deserialize<List<OcpiEndpoint>>(json, OcpiJson.Options) ?? [] : [];

    /// <summary>The partner's endpoint for a module in a role (the role it plays: RECEIVER for what we push).</summary>
    public static Uri? Endpoint(RoamingPartner partner, string module, string role)
    {
        var endpoint = Endpoints(partner).FirstOrDefault(e => e.Identifier == module && e.Role == role)
            // 2.1.1-style lists have no role: one endpoint per module.
            ?? Endpoints(partner).FirstOrDefault(e => e.Identifier == module && string.IsNullOrEmpty(e.Role));
        return endpoint is not null && Uri.TryCreate(endpoint.Url, UriKind.Absolute, out var uri) ? uri : null;
    }
}
