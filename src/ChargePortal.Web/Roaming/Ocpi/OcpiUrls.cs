using ChargePortal.Web.Roaming.Credentials;
using Microsoft.Extensions.Options;

namespace ChargePortal.Web.Roaming.Ocpi;

/// <summary>This platform's OCPI URLs: the configured public base URL, else the one the request came in on.</summary>
public sealed class OcpiUrls(IOptions<RoamingOptions> options)
{
    public const string Version = "2.2.1";
    public const string Prefix = "/ocpi";

    public string Base(HttpRequest request) => Base($"{request.Scheme}://{request.Host}{request.PathBase}");

    /// <summary>The configured public base URL, else <paramref name="requestBase"/> (where the caller reached us).</summary>
    public string Base(string requestBase)
    {
        var configured = options.Value.PublicBaseUrl.TrimEnd('/');
        return configured.Length > 0 ? configured : requestBase.TrimEnd('/');
    }

    public string Versions(HttpRequest request) => $"{Base(request)}{Prefix}/versions";

    public string Versions(string requestBase) => $"{Base(requestBase)}{Prefix}/versions";

    public string Details(HttpRequest request) => $"{Base(request)}{Prefix}/{Version}";

    public string Module(HttpRequest request, string module) => $"{Details(request)}/{module}";

    /// <summary>The modules and roles this CPO offers in 2.2.1.</summary>
    public IReadOnlyList<OcpiEndpoint> Endpoints(HttpRequest request) =>
    [
        new(OcpiModules.Credentials, InterfaceRoles.Sender, Module(request, OcpiModules.Credentials)),
        new(OcpiModules.Locations, InterfaceRoles.Sender, Module(request, OcpiModules.Locations)),
        new(OcpiModules.Sessions, InterfaceRoles.Sender, Module(request, OcpiModules.Sessions)),
        new(OcpiModules.Cdrs, InterfaceRoles.Sender, Module(request, OcpiModules.Cdrs)),
        new(OcpiModules.Tariffs, InterfaceRoles.Sender, Module(request, OcpiModules.Tariffs)),
        new(OcpiModules.Tokens, InterfaceRoles.Receiver, Module(request, OcpiModules.Tokens)),
        new(OcpiModules.Commands, InterfaceRoles.Receiver, Module(request, OcpiModules.Commands)),
    ];
}
