using ChargePortal.Web.Cluster;
using ChargePortal.Web.Live;
using ChargePortal.Web.Kernel;

namespace ChargePortal.Web.Tests.Cluster;

public sealed class ClusterEventSerializationTests
{
    [Fact]
    public void Every_station_event_type_has_a_discriminator_for_the_cluster_channel()
    {
        var all = typeof(StationEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(StationEvent)) && !t.IsAbstract);
        ClusterJson.KnownEventTypes.ShouldBe(all, ignoreOrder: true);
    }

    public static TheoryData<StationEvent> Samples() =>
    [
        new StationConnected("S1", DateTimeOffset.Parse("2026-11-25T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture), "2.0.1"),
        new ConnectorStatusChanged("S1", DateTimeOffset.UnixEpoch, 1, 2, ConnectorStatus.Faulted, "GroundFailure"),
        new MeterValuesReceived("S1", DateTimeOffset.UnixEpoch, 1, "tx-1", 12_345, 7_400.5m),
        new TransactionEnded("S1", DateTimeOffset.UnixEpoch, "tx-1", 6_000, null),
        new CommandCompleted("S1", DateTimeOffset.UnixEpoch, "reset", "Accepted"),
    ];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Events_round_trip_with_their_concrete_type(StationEvent stationEvent)
    {
        var json = ClusterJson.Serialize(new ClusterEventEnvelope("node-a", stationEvent));
        json.ShouldContain("\"$type\"");
        var back = ClusterJson.Deserialize<ClusterEventEnvelope>(json).ShouldNotBeNull();
        back.Origin.ShouldBe("node-a");
        back.Event.ShouldBe(stationEvent);
    }

    [Theory]
    [InlineData("""{"origin":"n","event":{"$type":"fromTheFuture","stationId":"S1","at":"2026-01-01T00:00:00Z"}}""")]
    [InlineData("""{"origin":"n","event":{"stationId":"S1"}}""")]
    [InlineData("not json")]
    public void Unreadable_messages_raise_json_errors_that_the_bus_logs_and_skips(string json) =>
        Should.Throw<System.Text.Json.JsonException>(() => ClusterJson.Deserialize<ClusterEventEnvelope>(json));
}
