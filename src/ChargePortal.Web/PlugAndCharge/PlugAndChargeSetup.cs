using ChargePortal.Web.Hosting;

namespace ChargePortal.Web.PlugAndCharge;

/// <summary>The services a station's ISO 15118 messages are handed to (Get15118EVCertificate, GetCertificateStatus, Authorize).</summary>
public sealed record PlugAndChargeServices(ContractCertificateProvider Provider, OcspClient Ocsp, ContractAuthorizer Contracts);

public static class PlugAndChargeSetup
{
    /// <summary>An OCSP answer is a few kilobytes; a responder sending more is not one.</summary>
    private const long MaxOcspResponseBytes = 64 * 1024;

    public static IServiceCollection AddPlugAndCharge(this IServiceCollection services)
    {
        services.AddValidatedOptions<PlugAndChargeOptions>(PlugAndChargeOptions.Section);

        // The responder URL comes from the station: public addresses only (unless listed) and no redirects, so it cannot
        // point or bounce the CSMS's request into the operator's own network.
        services.AddSingleton<OcspResponderAddresses>();
        services.AddHttpClient(OcspClient.HttpClientName, c => c.MaxResponseContentBufferSize = MaxOcspResponseBytes)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseProxy = false,
                ConnectCallback = sp.GetRequiredService<OcspResponderAddresses>().ConnectAsync,
            });
        services.AddHttpClient(ContractCertificateProvider.HttpClientName);
        services.AddSingleton<OcspClient>();
        services.AddSingleton<ContractRoots>();
        services.AddSingleton<ContractCertificateCheck>();
        services.AddSingleton<ContractAuthorizer>();
        services.AddSingleton<ContractCertificateProvider>();
        services.AddSingleton<PlugAndChargeServices>();
        return services;
    }
}
