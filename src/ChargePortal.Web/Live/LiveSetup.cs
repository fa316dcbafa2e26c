using Microsoft.AspNetCore.SignalR;

namespace ChargePortal.Web.Live;

public static class LiveSetup
{
    /// <summary>
    /// The live hub, its event bridge and the page subscription helper. <paramref name="configureSignalR"/> is where a
    /// scale-out backplane goes (e.g. <c>b =&gt; b.AddStackExchangeRedis(…)</c>).
    /// </summary>
    public static IServiceCollection AddLive(this IServiceCollection services, Action<ISignalRServerBuilder>? configureSignalR = null)
    {
        var signalR = services.AddSignalR();
        configureSignalR?.Invoke(signalR);
        services.AddMemoryCache();
        services.AddSingleton<StationSiteCache>();
        services.AddSingleton<LiveAccess>();
        services.AddHostedService<LiveEventBridge>();
        services.AddScoped<LiveSubscriptions>();
        return services;
    }

    public static IEndpointRouteBuilder MapLive(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHub<LiveHub>(LiveHub.Path);
        return endpoints;
    }
}
