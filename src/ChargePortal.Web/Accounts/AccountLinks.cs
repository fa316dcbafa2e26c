using ChargePortal.Web.Hosting;
using Microsoft.AspNetCore.Components;

namespace ChargePortal.Web.Accounts;

/// <summary>
/// Links mailed to account holders (reset, confirmation), built on <see cref="PublicUrls"/>: never on the Host header
/// an anonymous form post came with. Null when no trusted public address is known; the mail is then not sent.
/// </summary>
public sealed class AccountLinks(PublicUrls publicUrls, NavigationManager navigation, ILogger<AccountLinks> logger)
{
    public string? Build(string path, IReadOnlyDictionary<string, object?> query)
    {
        if (publicUrls.LinkFor(new Uri(navigation.BaseUri), path) is not { } page)
        {
            logger.LogError("No {Path} link was mailed: set Hosting:PublicBaseUrl (or AllowedHosts) so links do not depend on the request's Host header", path);
            return null;
        }

        return navigation.GetUriWithQueryParameters(page.AbsoluteUri, query);
    }
}
