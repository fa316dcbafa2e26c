namespace ChargePortal.Web.LoadManagement;

public static class LoadManagementSetup
{
    public static IServiceCollection AddSiteLoadManagement(this IServiceCollection services)
    {
        services.AddSingleton<SiteLoadBalancer>();
        services.AddSingleton<ChargingNeedsPolicy>();
        services.AddSingleton<ExternalChargingLimits>();
        services.AddHostedService(sp => sp.GetRequiredService<SiteLoadBalancer>());
        services.AddSingleton<SiteLoadSettings>();
        return services;
    }
}
