using ChargePortal.Web.Live;

namespace ChargePortal.Web.Realtime;

public static class LiveSetup
{
    /// <summary>
    /// The live hub, its event bridge and the page subscription helper. The bus the bridge follows (in-process, or
    /// Redis across nodes) and the SignalR backplane come from the scale-out seam, AddCluster.
    /// </summary>
    public static IServiceCollection AddLive(this IServiceCollection services)
    {
        services.AddSignalR();
        services.AddMemoryCache();
        services.AddSingleton<StationSiteCache>();
        services.AddSingleton<LiveAccess>();
        services.AddHostedService<LiveEventBridge>();
        services.AddSingleton<LiveConnectionRevalidator>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveConnectionRevalidator>());
        services.AddScoped<LiveSubscriptions>();
        return services;
    }

    public static IEndpointRouteBuilder MapLive(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHub<LiveHub>(LiveHub.Path);
        return endpoints;
    }
}
