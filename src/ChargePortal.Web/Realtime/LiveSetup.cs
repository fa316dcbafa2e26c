using ChargePortal.Web.Live;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChargePortal.Web.Realtime;

public static class LiveSetup
{
    /// <summary>
    /// The live hub, its event bridge and the page subscription helper. Single node: the bridge follows the in-process
    /// bus (AddOcpp registers it). Several nodes: AddCluster swaps in the Redis bus and the Redis SignalR backplane.
    /// </summary>
    public static IServiceCollection AddLive(this IServiceCollection services)
    {
        services.AddSignalR();
        services.TryAddSingleton<ILocalStationEventStream>(sp => sp.GetRequiredService<InProcessStationEventBus>());
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
