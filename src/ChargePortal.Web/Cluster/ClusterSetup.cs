using ChargePortal.Web.Hosting;
using ChargePortal.Web.Live;
using ChargePortal.Web.Ocpp.Connections;
using ChargePortal.Web.Stations;
using Microsoft.AspNetCore.SignalR;
using StackExchange.Redis;

namespace ChargePortal.Web.Cluster;

/// <summary>
/// Single node (the default) or several nodes sharing SQL + Redis: THE seam between the two. Every part that differs
/// between them is registered here and nowhere else, once, picked by <see cref="ClusterOptions.Enabled"/>
/// (<c>Redis:ConnectionString</c> set or not):
/// <list type="table">
/// <item><term><see cref="IStationEventPublisher"/>, <see cref="IStationEventStream"/>, <see cref="ILocalStationEventStream"/></term>
/// <description><see cref="InProcessStationEventBus"/> or <see cref="RedisStationEventBus"/></description></item>
/// <item><term><see cref="IStationConnectionRegistry"/></term>
/// <description><see cref="LocalStationConnectionRegistry"/> or <see cref="ClusterStationConnectionRegistry"/></description></item>
/// <item><term><see cref="IStationCallRouter"/></term>
/// <description><see cref="LocalStationCallRouter"/> or <see cref="ClusterStationCallRouter"/>, wrapped by every
/// <see cref="StationCallRouterDecoration"/> (telemetry measures it)</description></item>
/// <item><term><see cref="IStationOwnership"/></term><description><see cref="SingleNodeStationOwnership"/> or <see cref="RedisStationDirectory"/></description></item>
/// <item><term><see cref="IClusterSingletonGate"/></term><description><see cref="SingleNodeGate"/> or <see cref="RedisClusterSingletonGate"/></description></item>
/// <item><term>the live hub's SignalR lifetime manager</term><description>in-process or the Redis backplane</description></item>
/// </list>
/// Features inject the interfaces and never register them (a test counts the registrations), so the place of
/// <c>AddCluster</c> among the feature registrations does not matter. A new swappable part goes into this list.
/// </summary>
public static class ClusterSetup
{
    // The tag OperationsSetup maps to /health/ready.
    private const string ReadyTag = "ready";

    public static IServiceCollection AddCluster(this IServiceCollection services, IConfiguration configuration)
    {
        var options = ClusterOptions.From(configuration);
        services.AddValidatedOptions<ClusterSettings>(ClusterSettings.Section);
        services.AddSingleton(options);

        // The node-local parts exist either way: the cluster versions carry this node's own share through them.
        services.AddSingleton(sp => new InProcessStationEventBus(sp.GetRequiredService<ILogger<InProcessStationEventBus>>()));
        services.AddSingleton<LocalStationConnectionRegistry>();
        services.AddSingleton<LocalStationCallRouter>();
        services.AddSingleton<IStationCallRouter>(sp => sp.GetServices<StationCallRouterDecoration>()
            .Aggregate(options.Enabled ? sp.GetRequiredService<ClusterStationCallRouter>() : (IStationCallRouter)sp.GetRequiredService<LocalStationCallRouter>(),
                (router, decoration) => decoration.Wrap(router, sp)));
        if (options.Enabled)
        {
            AddClusterParts(services, configuration, options);
        }
        else
        {
            EventBus<InProcessStationEventBus>(services);
            services.AddSingleton<IStationConnectionRegistry>(sp => sp.GetRequiredService<LocalStationConnectionRegistry>());
            services.AddSingleton<IStationOwnership, SingleNodeStationOwnership>();
            services.AddSingleton<IClusterSingletonGate, SingleNodeGate>();
        }

        return services;
    }

    private static void AddClusterParts(IServiceCollection services, IConfiguration configuration, ClusterOptions options)
    {
        services.AddSingleton<IConnectionMultiplexer>(sp =>
        {
            var redis = ConfigurationOptions.Parse(options.RedisConnectionString);
            redis.AbortOnConnectFail = false; // start even while Redis is down; /health/ready says so
            redis.ClientName = "chargeportal-" + options.NodeId;
            return ConnectionMultiplexer.Connect(redis);
        });

        services.AddSingleton<RedisStationEventBus>();
        EventBus<RedisStationEventBus>(services);
        services.AddHostedService(sp => sp.GetRequiredService<RedisStationEventBus>());

        // Each node's live bridge sends only the events raised on that node; the backplane takes them to hub
        // clients on every node, so a client gets each event once wherever it is connected.
        services.AddSignalR().AddClusterBackplane(configuration);

        services.AddSingleton<RedisStationDirectory>();
        services.AddSingleton<IStationConnectionRegistry, ClusterStationConnectionRegistry>();
        services.AddSingleton<IStationOwnership>(sp => sp.GetRequiredService<RedisStationDirectory>());
        services.AddHostedService<StationOwnershipRefresher>();

        services.AddSingleton<ClusterStationCallRouter>();
        services.AddHostedService(sp => sp.GetRequiredService<ClusterStationCallRouter>());
        services.AddHostedService<RemoteCallExecutor>();

        services.AddSingleton<RedisClusterSingletonGate>();
        services.AddSingleton<IClusterSingletonGate>(sp => sp.GetRequiredService<RedisClusterSingletonGate>());
        services.AddHostedService(sp => sp.GetRequiredService<RedisClusterSingletonGate>());

        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: [ReadyTag]);
    }

    /// <summary>The event bus interfaces, all served by one <typeparamref name="TBus"/>.</summary>
    private static void EventBus<TBus>(IServiceCollection services)
        where TBus : class, IStationEventPublisher, IStationEventStream, ILocalStationEventStream
    {
        services.AddSingleton<IStationEventPublisher>(sp => sp.GetRequiredService<TBus>());
        services.AddSingleton<IStationEventStream>(sp => sp.GetRequiredService<TBus>());
        services.AddSingleton<ILocalStationEventStream>(sp => sp.GetRequiredService<TBus>());
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
