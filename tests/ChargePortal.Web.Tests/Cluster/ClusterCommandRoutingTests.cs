using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChargePortal.Web.Cluster;
using ChargePortal.Web.Live;
using ChargePortal.Web.Tests.Foundation;
using ChargePortal.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using static ChargePortal.Web.Tests.Ocpp.OcppTestData;

namespace ChargePortal.Web.Tests.Cluster;

/// <summary>Two nodes, one Redis, one database: commands and events reach the station wherever it is connected.</summary>
public sealed class ClusterCommandRoutingTests(TwoNodeClusterFixture fixture) : IClassFixture<TwoNodeClusterFixture>
{
    private static readonly string[] HeartbeatKey = ["HeartbeatInterval"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// The owner record is written without waiting for Redis (a connect storm must not wait on it), so a node may
    /// not see a station that connected elsewhere a moment ago. Tests that command at once wait until it does.
    /// </summary>
    private static async Task SeenAsOwnedByAsync(ClusterNodeFactory other, string stationId, string ownerNodeId)
    {
        var directory = other.Services.GetRequiredService<RedisStationDirectory>();
        (await EventuallyAsync(() => directory.FindOwnerAsync(stationId, Ct), o => o?.NodeId == ownerNodeId))?.NodeId.ShouldBe(ownerNodeId);
    }

    [Fact]
    public async Task Command_sent_to_the_other_node_reaches_the_station_and_returns_its_answer()
    {
        var cluster = fixture.Get();
        await using var cp = await RawOcppClient.ConnectAsync(cluster.A.OcppUri, "CL-CMD-16", V16);
        await cp.CallOkAsync("BootNotification", Boot16());
        await SeenAsOwnedByAsync(cluster.B, "CL-CMD-16", cluster.A.Services.GetRequiredService<RedisStationDirectory>().NodeId);

        var pending = cluster.B.CreateApi().PostAsJsonAsync("/api/stations/CL-CMD-16/commands/get-configuration", new { keys = HeartbeatKey }, Ct);
        var call = await cp.ExpectCallAsync("GetConfiguration");
        call[3]!["key"]![0]!.GetValue<string>().ShouldBe("HeartbeatInterval");
        await cp.RespondAsync(call, new JsonObject
        {
            ["configurationKey"] = new JsonArray(new JsonObject { ["key"] = "HeartbeatInterval", ["readonly"] = false, ["value"] = "300" }),
        });

        var response = await pending;
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        answer.GetProperty("status").GetString().ShouldBe("Accepted");
        answer.GetProperty("configuration")[0].GetProperty("value").GetString().ShouldBe("300");
    }

    [Fact]
    public async Task Version_of_a_remote_station_comes_from_its_owner_record()
    {
        var cluster = fixture.Get();
        await using var cp = await RawOcppClient.ConnectAsync(cluster.A.OcppUri, "CL-VER-201", V201);
        await cp.CallOkAsync("BootNotification", Boot201());
        await SeenAsOwnedByAsync(cluster.B, "CL-VER-201", cluster.A.Services.GetRequiredService<RedisStationDirectory>().NodeId);

        var pending = cluster.B.CreateApi().PostAsJsonAsync("/api/stations/CL-VER-201/commands/reset", new { type = "Hard" }, Ct);
        var call = await cp.ExpectCallAsync("Reset");
        call[3]!["type"]!.GetValue<string>().ShouldBe("Immediate"); // built by B's 2.0.1 adapter
        await cp.RespondAsync(call, new JsonObject { ["status"] = "Accepted" });
        (await pending).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Unknown_and_offline_stations_are_404_and_409_on_any_node()
    {
        var cluster = fixture.Get();
        var unknown = await cluster.B.CreateApi().PostAsJsonAsync("/api/stations/CL-NOPE/commands/reset", new { type = "Soft" }, Ct);
        await ApiAuthenticationTests.ShouldBeProblemAsync(unknown, HttpStatusCode.NotFound, "CL-NOPE");

        var offline = await cluster.B.CreateApi().PostAsJsonAsync("/api/stations/AMS-WP-03/commands/reset", new { type = "Soft" }, Ct);
        await ApiAuthenticationTests.ShouldBeProblemAsync(offline, HttpStatusCode.Conflict, "not connected");
    }

    [Fact]
    public async Task Silent_remote_station_is_504_and_a_remote_callerror_is_502()
    {
        var cluster = fixture.Get();
        await using var cp = await RawOcppClient.ConnectAsync(cluster.A.OcppUri, "CL-SILENT", V16);
        await cp.CallOkAsync("BootNotification", Boot16());
        await SeenAsOwnedByAsync(cluster.B, "CL-SILENT", cluster.A.Services.GetRequiredService<RedisStationDirectory>().NodeId);

        var silent = cluster.B.CreateApi().PostAsJsonAsync("/api/stations/CL-SILENT/commands/clear-cache", new { }, Ct);
        await cp.ExpectCallAsync("ClearCache");
        await ApiAuthenticationTests.ShouldBeProblemAsync(await silent, HttpStatusCode.GatewayTimeout, "did not answer");

        var refused = cluster.B.CreateApi().PostAsJsonAsync("/api/stations/CL-SILENT/commands/unlock", new { connectorId = 1 }, Ct);
        await cp.RespondErrorAsync(await cp.ExpectCallAsync("UnlockConnector"), "NotSupported", "no motor");
        var response = await refused;
        await ApiAuthenticationTests.ShouldBeProblemAsync(response, HttpStatusCode.BadGateway, "no motor");
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("ocppErrorCode").GetString().ShouldBe("NotSupported");
    }

    [Fact]
    public async Task Station_events_raised_on_one_node_reach_subscribers_on_the_other()
    {
        var cluster = fixture.Get();
        await using var onB = new EventRecorder(cluster.B.Services.GetRequiredService<IStationEventStream>());
        await using var cp = await RawOcppClient.ConnectAsync(cluster.A.OcppUri, "CL-EVT", V16);
        await cp.CallOkAsync("BootNotification", Boot16());
        await cp.CallOkAsync("StatusNotification", new JsonObject { ["connectorId"] = 1, ["errorCode"] = "NoError", ["status"] = "Preparing" });

        var seen = await onB.ReadUntilAsync(e => e is ConnectorStatusChanged { StationId: "CL-EVT" });
        seen.ShouldContain(e => e is StationConnected && e.StationId == "CL-EVT" && ((StationConnected)e).OcppVersion == "1.6");
        seen.ShouldContain(e => e is StationBooted && e.StationId == "CL-EVT" && ((StationBooted)e).Vendor == "TestVendor");
        seen.OfType<ConnectorStatusChanged>().Single(e => e.StationId == "CL-EVT").Status.ShouldBe(Kernel.ConnectorStatus.Preparing);
    }

    [Fact]
    public async Task A_node_delivers_its_own_events_to_its_subscribers_exactly_once()
    {
        var cluster = fixture.Get();
        await using var onA = new EventRecorder(cluster.A.Services.GetRequiredService<IStationEventStream>());
        await using var onB = new EventRecorder(cluster.B.Services.GetRequiredService<IStationEventStream>());
        var first = new StationNotification("CL-ONCE", DateTimeOffset.UtcNow, "Event", "first");
        cluster.A.Services.GetRequiredService<IStationEventPublisher>().Publish(first);
        await onB.ReadUntilAsync(e => e == first);

        // B publishes only after it saw A's event, so Redis hands A its own copy (if it echoed) before this one.
        var second = new StationNotification("CL-ONCE", DateTimeOffset.UtcNow, "Event", "second");
        cluster.B.Services.GetRequiredService<IStationEventPublisher>().Publish(second);
        var seenOnA = await onA.ReadUntilAsync(e => e == second);
        seenOnA.Count(e => e == first).ShouldBe(1);
        seenOnA.Count(e => e == second).ShouldBe(1);
    }

    [Fact]
    public async Task Station_that_moves_to_the_other_node_takes_its_commands_along_and_stays_online()
    {
        var cluster = fixture.Get();
        const string id = "CL-MOVE";
        var onA = await RawOcppClient.ConnectAsync(cluster.A.OcppUri, id, V16);
        await onA.CallOkAsync("BootNotification", Boot16());
        await using var onB = await RawOcppClient.ConnectAsync(cluster.B.OcppUri, id, V16);
        await onB.CallOkAsync("BootNotification", Boot16());

        // A notices that B owns the station now and closes the connection left behind.
        await onA.WaitClosedAsync();
        await onA.DisposeAsync();
        var localOnA = cluster.A.Services.GetRequiredService<Web.Ocpp.Connections.LocalStationConnectionRegistry>();
        (await EventuallyAsync(() => Task.FromResult(localOnA.Find(id)), c => c is null)).ShouldBeNull();

        var pending = cluster.A.CreateApi().PostAsJsonAsync($"/api/stations/{id}/commands/clear-cache", new { }, Ct);
        await onB.RespondAsync(await onB.ExpectCallAsync("ClearCache"), new JsonObject { ["status"] = "Accepted" });
        (await (await pending).Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString().ShouldBe("Accepted");

        // A's late disconnect neither deleted B's record nor marked the station offline.
        var redis = await ConnectionMultiplexer.ConnectAsync(TestRedis.Require());
        await using (redis)
        {
            var owner = StationOwner.Decode(await redis.GetDatabase().StringGetAsync("cp:station:" + id));
            owner.ShouldNotBeNull().NodeId.ShouldBe(cluster.B.NodeId);
        }

        var station = await cluster.A.CreateApi().GetFromJsonAsync<JsonElement>($"/api/stations/{id}", Ct);
        station.GetProperty("station").GetProperty("online").GetBoolean().ShouldBeTrue();
    }
}
