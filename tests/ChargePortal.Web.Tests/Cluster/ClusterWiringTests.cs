using ChargePortal.Web.Stations;
using System.Net;
using ChargePortal.Web.Cluster;
using ChargePortal.Web.Hosting;
using ChargePortal.Web.Live;
using ChargePortal.Web.Realtime;
using ChargePortal.Web.Ocpp.Connections;
using ChargePortal.Web.Telemetry;
using ChargePortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChargePortal.Web.Tests.Cluster;

public sealed class ClusterWiringTests(ChargePortalFactory factory) : IClassFixture<ChargePortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Without_redis_the_host_keeps_its_single_node_services()
    {
        factory.Services.GetRequiredService<IStationEventPublisher>().ShouldBeOfType<InProcessStationEventBus>();
        factory.Services.GetRequiredService<IStationEventStream>().ShouldBeOfType<InProcessStationEventBus>();
        factory.Services.GetRequiredService<ILocalStationEventStream>().ShouldBeSameAs(factory.Services.GetRequiredService<IStationEventStream>());
        factory.Services.GetRequiredService<HubLifetimeManager<LiveHub>>().ShouldBeOfType<DefaultHubLifetimeManager<LiveHub>>();
        factory.Services.GetRequiredService<IStationConnectionRegistry>().ShouldBeOfType<LocalStationConnectionRegistry>();
        factory.Services.GetRequiredService<IStationCallRouter>().ShouldBeOfType<MeasuredStationCallRouter>().Inner.ShouldBeOfType<LocalStationCallRouter>();
        factory.Services.GetRequiredService<IStationOwnership>().ShouldBeOfType<SingleNodeStationOwnership>();
        factory.Services.GetRequiredService<IClusterSingletonGate>().ShouldBeOfType<SingleNodeGate>();
    }

    [Fact]
    public async Task With_redis_the_cluster_services_replace_them_and_readiness_checks_redis()
    {
        var redis = TestRedis.Require();
        await using var database = TestDatabase.Create(Path.Combine(Path.GetTempPath(), "chargeportal-tests", Guid.NewGuid().ToString("N") + ".db"));
        await using var node = new ClusterNodeFactory("wiring-" + Guid.NewGuid().ToString("N")[..8], database, "test-wiring", redis);
        node.Services.GetRequiredService<IStationEventPublisher>().ShouldBeOfType<RedisStationEventBus>();
        node.Services.GetRequiredService<ILocalStationEventStream>().ShouldBeOfType<RedisStationEventBus>();
        node.Services.GetRequiredService<HubLifetimeManager<LiveHub>>().ShouldBeOfType<RedisHubLifetimeManager<LiveHub>>();
        node.Services.GetRequiredService<IStationConnectionRegistry>().ShouldBeOfType<ClusterStationConnectionRegistry>();
        node.Services.GetRequiredService<IStationCallRouter>().ShouldBeOfType<MeasuredStationCallRouter>().Inner.ShouldBeOfType<ClusterStationCallRouter>();
        node.Services.GetRequiredService<IStationOwnership>().ShouldBeOfType<RedisStationDirectory>();
        node.Services.GetRequiredService<IClusterSingletonGate>().ShouldBeOfType<RedisClusterSingletonGate>();

        var ready = await node.CreateClient().GetAsync("/health/ready", Ct);
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("Cluster:NodeId", "node a")]
    [InlineData("Cluster:NodeId", "node/1")]
    [InlineData("Cluster:ChannelPrefix", "bad prefix")]
    [InlineData("Cluster:OwnershipTtlSeconds", "0")]
    public void Bad_cluster_settings_stop_startup_with_the_reason(string key, string value)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        Should.Throw<Microsoft.Extensions.Options.OptionsValidationException>(() => ClusterOptions.From(config)).Message.ShouldContain(key);
    }

    [Fact]
    public void Node_id_defaults_to_the_machine_name_with_a_random_suffix()
    {
        var config = new ConfigurationBuilder().Build();
        var first = ClusterOptions.From(config);
        first.Enabled.ShouldBeFalse();
        first.ChannelPrefix.ShouldBe("chargeportal");
        first.NodeId.ShouldNotBe(ClusterOptions.From(config).NodeId);
        first.NodeId.ShouldMatch("^[A-Za-z0-9._-]+-[0-9a-f]{6}$");
    }

    [Fact]
    public async Task Backplane_delivers_hub_messages_sent_on_one_node_to_clients_of_the_other()
    {
        var redis = TestRedis.Require();
        var prefix = "test-bp-" + Guid.NewGuid().ToString("N")[..8];
        await using var a = await StartHubHostAsync(redis, prefix);
        await using var b = await StartHubHostAsync(redis, prefix);

        var received = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var client = new HubConnectionBuilder().WithUrl(new Uri(HubUri(b), "hub")).Build();
        client.On<string>("ping", text => received.TrySetResult(text));
        await client.StartAsync(Ct);

        // Published on A, where this client is not connected.
        var hub = a.Services.GetRequiredService<IHubContext<PingHub>>();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!received.Task.IsCompleted && DateTime.UtcNow < deadline)
        {
            // Repeated until it arrives: B's backplane subscription may still be settling.
            await hub.Clients.All.SendAsync("ping", "from A", Ct);
            await Task.WhenAny(received.Task, Task.Delay(200, Ct));
        }

        (await received.Task.WaitAsync(TimeSpan.FromSeconds(1), Ct)).ShouldBe("from A");
    }

    [Fact]
    public void Backplane_without_redis_keeps_the_in_process_hub_lifetime_manager()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSignalR().AddClusterBackplane(new ConfigurationBuilder().Build());
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<HubLifetimeManager<PingHub>>().ShouldBeOfType<DefaultHubLifetimeManager<PingHub>>();
    }

    private static Uri HubUri(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");

    private static async Task<WebApplication> StartHubHostAsync(string redis, string prefix)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Redis:ConnectionString"] = redis,
            ["Cluster:ChannelPrefix"] = prefix,
        });
        builder.Services.AddSignalR().AddClusterBackplane(builder.Configuration);
        var app = builder.Build();
        app.MapHub<PingHub>("/hub");
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app;
    }
}

/// <summary>A trivial hub for the backplane test.</summary>
public sealed class PingHub : Hub;
