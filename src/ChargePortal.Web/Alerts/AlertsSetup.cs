using ChargePortal.Web.Hosting;

namespace ChargePortal.Web.Alerts;

public static class AlertsSetup
{
    public static IServiceCollection AddAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<AlertOptions>(AlertOptions.Section);
        // A scale-out deployment registers a shared-lock gate; one node is always the leader.
        services.AddSingleton<AlertService>();
        services.AddSingleton<OfflineDetector>();
        services.AddHostedService<AlertEventMonitor>();
        services.AddHostedService<OfflineDetectorService>();
        return services;
    }
}
