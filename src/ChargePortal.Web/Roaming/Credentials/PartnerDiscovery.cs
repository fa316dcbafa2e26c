using System.Text.Json;
using ChargePortal.Web.Roaming.Ocpi;

namespace ChargePortal.Web.Roaming.Credentials;

/// <summary>What a partner's versions endpoint leads to: its 2.2.1 details URL and endpoints, or why not.</summary>
public sealed record DiscoveredPartner(string VersionsUrl, IReadOnlyList<OcpiEndpoint> Endpoints);

public sealed class PartnerDiscoveryException(int ocpiStatus, string message) : Exception(message)
{
    public int OcpiStatus { get; } = ocpiStatus;
}

/// <summary>Follows a partner's versions endpoint to the 2.2.1 version details, with the token it gave us.</summary>
public sealed class PartnerDiscovery(OcpiClient client)
{
    public async Task<DiscoveredPartner> DiscoverAsync(string versionsUrl, string token, CancellationToken ct)
    {
        var target = new OcpiTarget(token, null, null);
        var versions = await GetAsync<List<OcpiVersion>>(new Uri(versionsUrl), target, "versions", ct);
        var ours = versions.FirstOrDefault(v => v.Version == OcpiUrls.Version)
            ?? throw new PartnerDiscoveryException(OcpiStatus.UnsupportedVersion,
                $"The partner offers OCPI {string.Join(", ", versions.Select(v => v.Version))}; this CPO speaks {OcpiUrls.Version}.");
        if (!Uri.TryCreate(ours.Url, UriKind.Absolute, out var detailsUrl))
        {
            throw new PartnerDiscoveryException(OcpiStatus.UnableToUseClientApi, $"The partner's {OcpiUrls.Version} URL '{ours.Url}' is not absolute.");
        }

        var details = await GetAsync<OcpiVersionDetails>(detailsUrl, target, "version details", ct);
        if (details.Endpoints.All(e => e.Identifier != OcpiModules.Credentials))
        {
            throw new PartnerDiscoveryException(OcpiStatus.NoMatchingEndpoints, "The partner's version details list no credentials endpoint.");
        }

        return new DiscoveredPartner(versionsUrl, details.Endpoints);
    }

    private async Task<T> GetAsync<T>(Uri url, OcpiTarget target, string what, CancellationToken ct)
        where T : class
    {
        OcpiReply reply;
        try
        {
            reply = await client.SendAsync(HttpMethod.Get, url, target, null, ct);
        }
        catch (OcpiCallException e)
        {
            throw new PartnerDiscoveryException(OcpiStatus.UnableToUseClientApi, $"Could not read the partner's {what}: {e.Message}");
        }

        if (!reply.Succeeded || reply.Data is not { } data)
        {
            throw new PartnerDiscoveryException(OcpiStatus.UnableToUseClientApi, $"The partner's {what} at {url} answered {reply.Describe()}.");
        }

        try
        {
            return data.Deserialize<T>(OcpiJson.Options) ?? throw new JsonException("null");
        }
        catch (JsonException e)
        {
            throw new PartnerDiscoveryException(OcpiStatus.UnableToUseClientApi, $"The partner's {what} could not be read: {e.Message}");
        }
    }
}
