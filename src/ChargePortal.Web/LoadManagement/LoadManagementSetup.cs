using ChargePortal.Web.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChargePortal.Web.LoadManagement;

public static class LoadManagementSetup
{
    public static IServiceCollection AddSiteLoadManagement(this IServiceCollection services)
    {
        services.TryAddSingleton<IClusterSingletonGate, SingleNodeGate>();
        services.AddSingleton<SiteLoadBalancer>();
        services.AddSingleton<ChargingNeedsPolicy>();
        services.AddSingleton<ExternalChargingLimits>();
        services.AddHostedService(sp => sp.GetRequiredService<SiteLoadBalancer>());
        services.AddSingleton<SiteLoadSettings>();
        return services;
    }
}
