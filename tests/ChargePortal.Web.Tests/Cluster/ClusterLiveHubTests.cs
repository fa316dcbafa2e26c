using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ChargePortal.Web.Data;
using ChargePortal.Web.Live;
using ChargePortal.Web.Realtime;
using ChargePortal.Web.Kernel;
using ChargePortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChargePortal.Web.Tests.Ocpp.OcppTestData;

namespace ChargePortal.Web.Tests.Cluster;

/// <summary>
/// The live hub on two nodes with the Redis backplane: every hub client gets each station event exactly once, whichever
/// node it and the station are connected to and however its followed groups overlap; Blazor subscribers still get all.
/// </summary>
public sealed class ClusterLiveHubTests(TwoNodeClusterFixture fixture) : IClassFixture<TwoNodeClusterFixture>
{
    // After the last expected event, how long a duplicate is given to show up before "exactly once" is accepted.
    private static readonly TimeSpan DuplicateWindow = TimeSpan.FromSeconds(2);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Hub_clients_on_both_nodes_get_each_station_event_exactly_once()
    {
        var cluster = fixture.Get();
        var centraal = await SiteIdAsync(cluster.A, "Centraal");

        // Overlapping follows on purpose: the backplane publishes once per group, so these would duplicate.
        await using var everythingOnB = await HubRecorder.ConnectAsync(cluster.B);
        await everythingOnB.InvokeAsync(nameof(LiveHub.JoinStation), "AMS-CS-01");
        await everythingOnB.InvokeAsync(nameof(LiveHub.JoinSite), centraal);
        await everythingOnB.InvokeAsync(nameof(LiveHub.JoinAll));
        await using var siteAndStationOnB = await HubRecorder.ConnectAsync(cluster.B);
        await siteAndStationOnB.InvokeAsync(nameof(LiveHub.JoinSite), centraal);
        await siteAndStationOnB.InvokeAsync(nameof(LiveHub.JoinStation), "AMS-CS-02");
        await using var stationsOnA = await HubRecorder.ConnectAsync(cluster.A);
        await stationsOnA.InvokeAsync(nameof(LiveHub.JoinStation), "AMS-CS-01");
        await stationsOnA.InvokeAsync(nameof(LiveHub.JoinStation), "AMS-CS-02");
        await using var pagesOnA = new EventRecorder(cluster.A.Services.GetRequiredService<IStationEventStream>());
        await using var pagesOnB = new EventRecorder(cluster.B.Services.GetRequiredService<IStationEventStream>());

        // One station on each node; each sends Charging, then Finishing as the marker that its events went through.
        await using var onA = await RawOcppClient.ConnectAsync(cluster.A.OcppUri, "AMS-CS-01", V16);
        await using var onB = await RawOcppClient.ConnectAsync(cluster.B.OcppUri, "AMS-CS-02", V16);
        foreach (var station in new[] { onA, onB })
        {
            await station.CallOkAsync("BootNotification", Boot16());
            await station.CallOkAsync("StatusNotification", Status("Charging"));
            await station.CallOkAsync("StatusNotification", Status("Finishing"));
        }

        HubRecorder[] hubs = [everythingOnB, siteAndStationOnB, stationsOnA];
        foreach (var hub in hubs)
        {
            await hub.WaitForAsync("AMS-CS-01", ConnectorStatus.Finishing);
            await hub.WaitForAsync("AMS-CS-02", ConnectorStatus.Finishing);
        }

        var pagesSawOnA = await pagesOnA.ReadUntilAsync(IsFinishing("AMS-CS-02"));
        var pagesSawOnB = await pagesOnB.ReadUntilAsync(IsFinishing("AMS-CS-01"));
        await Task.Delay(DuplicateWindow, Ct);

        foreach (var hub in hubs)
        {
            foreach (var id in new[] { "AMS-CS-01", "AMS-CS-02" })
            {
                hub.Count(id, ConnectorStatus.Charging).ShouldBe(1, $"{hub.Name}: Charging of {id}");
                hub.Count(id, ConnectorStatus.Finishing).ShouldBe(1, $"{hub.Name}: Finishing of {id}");
            }
        }

        // Pages (IStationEventStream) on each node see the other node's station: the bus still carries everything.
        pagesSawOnA.Count(e => e is ConnectorStatusChanged { StationId: "AMS-CS-02", Status: ConnectorStatus.Charging }).ShouldBe(1);
        pagesSawOnB.Count(e => e is ConnectorStatusChanged { StationId: "AMS-CS-01", Status: ConnectorStatus.Charging }).ShouldBe(1);
    }

    [Fact]
    public async Task A_client_that_leaves_the_broader_group_keeps_the_station_it_still_follows_on_the_other_node()
    {
        var cluster = fixture.Get();
        await using var hub = await HubRecorder.ConnectAsync(cluster.B);
        await hub.InvokeAsync(nameof(LiveHub.JoinStation), "AMS-CS-03");
        await hub.InvokeAsync(nameof(LiveHub.JoinAll));
        await hub.InvokeAsync(nameof(LiveHub.LeaveAll));

        await using var station = await RawOcppClient.ConnectAsync(cluster.A.OcppUri, "AMS-CS-03", V16);
        await station.CallOkAsync("BootNotification", Boot16());
        await station.CallOkAsync("StatusNotification", Status("Charging"));
        await hub.WaitForAsync("AMS-CS-03", ConnectorStatus.Charging);
        await Task.Delay(DuplicateWindow, Ct);
        hub.Count("AMS-CS-03", ConnectorStatus.Charging).ShouldBe(1);
    }

    [Fact]
    public async Task The_local_stream_of_a_node_carries_only_the_events_raised_there()
    {
        var cluster = fixture.Get();
        await using var localOnA = new EventRecorder(cluster.A.Services.GetRequiredService<ILocalStationEventStream>().SubscribeLocalAsync);
        var fromB = new StationNotification("CL-LOCAL", DateTimeOffset.UtcNow, "Event", "from B");
        var fromA = new StationNotification("CL-LOCAL", DateTimeOffset.UtcNow, "Event", "from A");
        await using (var allOnA = new EventRecorder(cluster.A.Services.GetRequiredService<IStationEventStream>()))
        {
            cluster.B.Services.GetRequiredService<IStationEventPublisher>().Publish(fromB);
            await allOnA.ReadUntilAsync(e => e == fromB); // A has received B's event by now
        }

        cluster.A.Services.GetRequiredService<IStationEventPublisher>().Publish(fromA);
        var seen = await localOnA.ReadUntilAsync(e => e == fromA);
        seen.ShouldNotContain(fromB);
    }

    private static Func<StationEvent, bool> IsFinishing(string stationId) =>
        e => e is ConnectorStatusChanged { Status: ConnectorStatus.Finishing } c && c.StationId == stationId;

    private static JsonObject Status(string status) => new() { ["connectorId"] = 1, ["errorCode"] = "NoError", ["status"] = status };

    private static async Task<int> SiteIdAsync(ClusterNodeFactory node, string nameContains)
    {
        var dbFactory = node.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync(Ct);
        return await db.Sites.Where(s => s.Name.Contains(nameContains)).Select(s => s.Id).FirstAsync(Ct);
    }

    /// <summary>A live-hub client (the operator's API key) that records every connector status it receives.</summary>
    private sealed class HubRecorder : IAsyncDisposable
    {
        private readonly HubConnection _connection;
        private readonly ConcurrentQueue<ConnectorStatusChanged> _received = new();
        private readonly SemaphoreSlim _arrived = new(0);

        private HubRecorder(HubConnection connection, string name)
        {
            _connection = connection;
            Name = name;
            _connection.On<ConnectorStatusChanged>(nameof(ILiveClient.ConnectorStatusChanged), e =>
            {
                _received.Enqueue(e);
                _arrived.Release();
            });
        }

        public string Name { get; }

        public static async Task<HubRecorder> ConnectAsync(ClusterNodeFactory node)
        {
            var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(node.BaseUri, LiveHub.Path.TrimStart('/')), o => o.AccessTokenProvider = () => Task.FromResult<string?>(ChargePortalFactory.DevelopmentApiKey))
                .Build();
            var recorder = new HubRecorder(connection, "client on " + node.NodeId);
            await connection.StartAsync(Ct);
            return recorder;
        }

        public Task InvokeAsync(string method, params object[] args) => _connection.InvokeCoreAsync(method, args, Ct);

        public async Task WaitForAsync(string stationId, ConnectorStatus status)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(20));
            while (Count(stationId, status) == 0)
            {
                await _arrived.WaitAsync(timeout.Token);
            }
        }

        public int Count(string stationId, ConnectorStatus status) =>
            _received.Count(e => e.StationId == stationId && e.Status == status && e.ConnectorId == 1);

        public async ValueTask DisposeAsync()
        {
            await _connection.DisposeAsync();
            _arrived.Dispose();
        }
    }
}
