using ChargePortal.Web.Hosting;
using ChargePortal.Web.Live;
using ChargePortal.Web.Ocpp.Connections;
using ChargePortal.Web.Stations;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace ChargePortal.Web.Cluster;

/// <summary>
/// Single node (the default) or several nodes sharing SQL + Redis. Call after the feature
/// registrations: with Redis configured this replaces the in-process event bus, the connection
/// registry and the call router with their cluster versions, and puts the live hub on the Redis
/// SignalR backplane.
/// </summary>
public static class ClusterSetup
{
    // The tag OperationsSetup maps to /health/ready.
    private const string ReadyTag = "ready";

    public static IServiceCollection AddCluster(this IServiceCollection services, IConfiguration configuration)
    {
        var options = ClusterOptions.From(configuration);
        services.AddSingleton(options);
        if (!options.Enabled)
        {
            services.TryAddSingleton<IStationOwnership, SingleNodeStationOwnership>();
            services.TryAddSingleton<IClusterSingletonGate, SingleNodeGate>();
            return services;
        }

        services.AddSingleton<IConnectionMultiplexer>(sp =>
        {
            var redis = ConfigurationOptions.Parse(options.RedisConnectionString);
            redis.AbortOnConnectFail = false; // start even while Redis is down; /health/ready says so
            redis.ClientName = "chargeportal-" + options.NodeId;
            return ConnectionMultiplexer.Connect(redis);
        });

        services.AddSingleton<RedisStationEventBus>();
        services.Replace(ServiceDescriptor.Singleton<IStationEventPublisher>(sp => sp.GetRequiredService<RedisStationEventBus>()));
        services.Replace(ServiceDescriptor.Singleton<IStationEventStream>(sp => sp.GetRequiredService<RedisStationEventBus>()));
        services.Replace(ServiceDescriptor.Singleton<ILocalStationEventStream>(sp => sp.GetRequiredService<RedisStationEventBus>()));

        // Each node's live bridge sends only the events raised on that node; the backplane takes them to hub
        // clients on every node, so a client gets each event once wherever it is connected.
        services.AddSignalR().AddClusterBackplane(configuration);
        services.AddHostedService(sp => sp.GetRequiredService<RedisStationEventBus>());

        services.AddSingleton<LocalStationConnectionRegistry>();
        services.AddSingleton<RedisStationDirectory>();
        services.Replace(ServiceDescriptor.Singleton<IStationConnectionRegistry, ClusterStationConnectionRegistry>());
        services.Replace(ServiceDescriptor.Singleton<IStationOwnership>(sp => sp.GetRequiredService<RedisStationDirectory>()));
        services.AddHostedService<StationOwnershipRefresher>();

        services.AddSingleton<ClusterStationCallRouter>();
        services.Replace(ServiceDescriptor.Singleton<IStationCallRouter>(sp => sp.GetRequiredService<ClusterStationCallRouter>()));
        services.AddHostedService(sp => sp.GetRequiredService<ClusterStationCallRouter>());
        services.AddHostedService<RemoteCallExecutor>();

        services.AddSingleton<RedisClusterSingletonGate>();
        services.Replace(ServiceDescriptor.Singleton<IClusterSingletonGate>(sp => sp.GetRequiredService<RedisClusterSingletonGate>()));
        services.AddHostedService(sp => sp.GetRequiredService<RedisClusterSingletonGate>());

        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: [ReadyTag]);
        return services;
    }

    /// <summary>
    /// The Redis SignalR backplane (its own Redis connection, so hub traffic never queues behind commands and
    /// events). With Redis configured, hub messages reach clients on every node; without it this changes nothing.
    /// </summary>
    public static ISignalRServerBuilder AddClusterBackplane(this ISignalRServerBuilder builder, IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = ClusterOptions.From(config);
        if (!options.Enabled)
        {
            return builder;
        }

        return builder.AddStackExchangeRedis(redis =>
        {
            redis.Configuration = ConfigurationOptions.Parse(options.RedisConnectionString);
            redis.Configuration.AbortOnConnectFail = false;
            redis.Configuration.ChannelPrefix = RedisChannel.Literal(options.SignalRChannelPrefix);
        });
    }
}
