using ChargePortal.Ocpp;
using ChargePortal.Web.Cluster;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace ChargePortal.Web.Tests.Cluster;

/// <summary>The Redis records behind routing and run-once jobs, against a real Redis.</summary>
public sealed class ClusterCoordinationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ClusterOptions Node(string id) => new()
    {
        RedisConnectionString = TestRedis.Address ?? "",
        NodeId = id,
        // Long enough that a starved CI thread pool still renews in time (renewal runs every third of it).
        LeaseDuration = TimeSpan.FromSeconds(3),
        OwnershipTtl = TimeSpan.FromSeconds(45),
    };

    [Fact]
    public async Task Only_one_gate_leads_and_the_other_takes_over_after_release_or_expiry()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestRedis.Require());
        var job = "test-job-" + Guid.NewGuid().ToString("N");
        using var a = new RedisClusterSingletonGate(redis, Node("gate-a"), TimeProvider.System, NullLogger<RedisClusterSingletonGate>.Instance);
        using var b = new RedisClusterSingletonGate(redis, Node("gate-b"), TimeProvider.System, NullLogger<RedisClusterSingletonGate>.Instance);

        (await a.IsLeaderAsync(job, Ct)).ShouldBeTrue();
        (await b.IsLeaderAsync(job, Ct)).ShouldBeFalse();
        (await a.IsLeaderAsync(job, Ct)).ShouldBeTrue(); // the holder keeps it

        // Released (A shutting down): B takes over at once.
        await a.ReleaseAllAsync();
        (await b.IsLeaderAsync(job, Ct)).ShouldBeTrue();
        (await a.IsLeaderAsync(job, Ct)).ShouldBeFalse();

        // B dies without renewing (its renewal loop never runs here): once the lease expires, A leads.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        var aLeads = false;
        while (!aLeads && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, Ct);
            aLeads = await a.IsLeaderAsync(job, Ct);
        }

        aLeads.ShouldBeTrue();
        (await b.IsLeaderAsync(job, Ct)).ShouldBeFalse();
        await Should.ThrowAsync<ArgumentException>(() => a.IsLeaderAsync(" ", Ct));
    }

    [Fact]
    public async Task Holder_renews_its_lease_in_the_background()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestRedis.Require());
        var job = "test-renew-" + Guid.NewGuid().ToString("N");
        using var a = new RedisClusterSingletonGate(redis, Node("renew-a"), TimeProvider.System, NullLogger<RedisClusterSingletonGate>.Instance);
        using var b = new RedisClusterSingletonGate(redis, Node("renew-b"), TimeProvider.System, NullLogger<RedisClusterSingletonGate>.Instance);
        await a.StartAsync(Ct);
        (await a.IsLeaderAsync(job, Ct)).ShouldBeTrue();

        // Several lease lengths later A still holds it, because it renews.
        for (var i = 0; i < 4; i++)
        {
            await Task.Delay(1_000, Ct);
            (await b.IsLeaderAsync(job, Ct)).ShouldBeFalse();
        }

        await a.StopAsync(Ct);
        (await b.IsLeaderAsync(job, Ct)).ShouldBeTrue();
    }

    [Fact]
    public async Task Owner_record_is_overwritten_by_the_new_node_and_only_its_owner_deletes_it()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestRedis.Require());
        var station = "OWN-" + Guid.NewGuid().ToString("N")[..8];
        var a = new RedisStationDirectory(redis, Node("own-a"));
        var b = new RedisStationDirectory(redis, Node("own-b"));

        a.Claim(station, OcppVersion.V16);
        (await b.FindOwnerAsync(station, Ct)).ShouldBe(new StationOwner("own-a", OcppVersion.V16));
        (await b.IsHeldElsewhereAsync(station, Ct)).ShouldBeTrue();
        (await a.IsHeldElsewhereAsync(station, Ct)).ShouldBeFalse();

        b.Claim(station, OcppVersion.V201);
        a.Release(station, OcppVersion.V16); // A's stale connection closing
        (await a.FindOwnerAsync(station, Ct)).ShouldBe(new StationOwner("own-b", OcppVersion.V201));
        (await a.RefreshAsync([(station, OcppVersion.V16)])).ShouldBe([station]); // A learns it lost the station
        (await a.FindOwnerAsync(station, Ct))!.NodeId.ShouldBe("own-b");

        b.Release(station, OcppVersion.V201);
        (await a.FindOwnerAsync(station, Ct)).ShouldBeNull();
        (await a.IsHeldElsewhereAsync(station, Ct)).ShouldBeFalse();

        // A record that expired (Redis restarted, say) is recreated by its holder's refresh.
        (await b.RefreshAsync([(station, OcppVersion.V201)])).ShouldBeEmpty();
        (await a.FindOwnerAsync(station, Ct))!.NodeId.ShouldBe("own-b");
        (await redis.GetDatabase().KeyTimeToLiveAsync("cp:station:" + station)).ShouldNotBeNull().TotalSeconds.ShouldBeInRange(1, 45);
    }

    [Theory]
    [InlineData("")]
    [InlineData("node-a")]
    [InlineData("node-a|V99")]
    [InlineData("|V16")]
    public void Malformed_owner_records_read_as_no_owner(string value) => StationOwner.Decode(value).ShouldBeNull();
}
