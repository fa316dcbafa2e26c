using ChargePortal.Web.Payments;
using ChargePortal.Web.Roaming.Commands;
using ChargePortal.Web.Roaming.Credentials;
using ChargePortal.Web.Roaming.Locations;
using ChargePortal.Web.Roaming.Ocpi;
using ChargePortal.Web.Roaming.Outbox;
using ChargePortal.Web.Roaming.Partners;
using ChargePortal.Web.Roaming.Sessions;
using ChargePortal.Web.Roaming.Tariffs;
using ChargePortal.Web.Roaming.Tokens;
using ChargePortal.Web.Tokens;
using ChargePortal.Web.Hosting;

namespace ChargePortal.Web.Roaming;

/// <summary>Roaming: OCPI 2.2.1 in the CPO role (DESIGN.md "Roaming").</summary>
public static class RoamingSetup
{
    public static IServiceCollection AddRoaming(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<RoamingOptions>(RoamingOptions.Section)
            .Validate(o => o.CountryCode.Length == 2 && o.CountryCode.All(char.IsAsciiLetterUpper), "Roaming:CountryCode must be two upper-case letters.")
            .Validate(o => o.PartyId.Length == 3 && o.PartyId.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c)), "Roaming:PartyId must be three upper-case letters or digits.")
            .Validate(o => o.PublicBaseUrl.Length == 0 || Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out _), "Roaming:PublicBaseUrl must be an absolute URL.");
        services.AddHttpClient<OcpiClient>(OcpiClient.HttpClientName);
        services.AddSingleton<OcpiUrls>();
        services.AddSingleton<OcpiAuthenticationFilter>();
        services.AddSingleton<PartnerDiscovery>();
        services.AddSingleton<CredentialsHandshake>();
        services.AddSingleton<RoamingPartners>();
        services.AddSingleton<RoamingPartnerPresence>();
        services.AddSingleton<RoamingActivity>();
        services.AddSingleton<LocationCatalog>();
        services.AddSingleton<LocationStatusPushes>();
        services.AddSingleton<RealTimeAuthorization>();
        services.AddSingleton<IExternalTokenAuthority, RoamingTokenAuthority>();
        services.AddSingleton<SessionReporter>();
        services.AddSingleton<ISessionsBilledElsewhere, RoamingBilling>();
        services.AddSingleton<RoamingOutboxSignal>();
        services.AddSingleton<RoamingOutbox>();
        services.AddSingleton<RoamingStationCommands>();
        services.AddSingleton<RoamingCommandRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<RoamingCommandRunner>());
        services.AddSingleton<CommandContext>();
        services.AddHostedService<RoamingOutboxDispatcher>();
        services.AddHostedService<RoamingEventFollower>();
        services.AddHostedService<MissedSessionSweep>();
        return services;
    }

    public static IEndpointRouteBuilder MapRoaming(this IEndpointRouteBuilder endpoints)
    {
        var ocpi = endpoints.MapGroup(OcpiUrls.Prefix)
            .AllowAnonymous() // OCPI has its own credentials tokens, checked by the filter
            .DisableAntiforgery()
            .AddEndpointFilter<OcpiAuthenticationFilter>()
            .ExcludeFromDescription();
        ocpi.MapOcpiRegistration()
            .MapOcpiLocations()
            .MapOcpiTariffs()
            .MapOcpiTokens()
            .MapOcpiCommands()
            .MapOcpiSessionsAndCdrs();
        endpoints.MapRoamingPartnersApi();
        return endpoints;
    }
}
