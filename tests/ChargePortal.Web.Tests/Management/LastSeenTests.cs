using ChargePortal.Web.Data;
using ChargePortal.Web.Live;
using ChargePortal.Web.Ocpp;
using ChargePortal.Web.Stations;
using ChargePortal.Web.Stations.Provisioning;
using ChargePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChargePortal.Web.Tests.Management;

/// <summary>
/// Stations' last-seen times: queued by heartbeats and other messages at most once a minute, written in batches off the
/// request path, and never moved backwards. Real database, a clock of the test's own (the host's writer runs on the
/// system clock and never sees these stations).
/// </summary>
public sealed class LastSeenTests(ChargePortalFactory factory) : IClassFixture<ChargePortalFactory>
{
    private static readonly DateTimeOffset Now = new(2041, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private (StationLifecycle Lifecycle, LastSeenWriter Writer, SettableTimeProvider Clock) Create()
    {
        var clock = new SettableTimeProvider(Now);
        var gate = factory.Services.GetRequiredService<DatabaseWriteGate>();
        var writer = new LastSeenWriter(factory.Db(), gate, clock, NullLogger<LastSeenWriter>.Instance);
        var lifecycle = new StationLifecycle(factory.Db(), factory.Services.GetRequiredService<StationStateWriter>(),
            factory.Services.GetRequiredService<RegistrationGate>(), factory.Services.GetRequiredService<IStationEventPublisher>(),
            factory.Services.GetRequiredService<IStationOwnership>(), writer, factory.Services.GetRequiredService<IOptions<OcppOptions>>(),
            clock, NullLogger<StationLifecycle>.Instance);
        return (lifecycle, writer, clock);
    }

    private async Task<DateTimeOffset?> LastSeenAsync(string stationId)
    {
        await using var db = await factory.Db().CreateDbContextAsync();
        return await db.Stations.Where(s => s.Id == stationId).Select(s => s.LastSeenAt).SingleAsync();
    }

    [Fact]
    public async Task A_heartbeat_is_answered_at_once_and_its_time_written_with_the_next_batch()
    {
        var ct = TestContext.Current.CancellationToken;
        var (lifecycle, writer, clock) = Create();
        await factory.AddStationAsync("SEEN-HB", online: true, lastSeen: Now.AddHours(-1), heartbeatSeconds: 30);

        lifecycle.Heartbeat("SEEN-HB").ShouldBe(Now);
        (await LastSeenAsync("SEEN-HB")).ShouldBe(Now.AddHours(-1));
        writer.Pending.ShouldBe(1);

        (await writer.FlushAsync(ct)).ShouldBe(1);
        (await LastSeenAsync("SEEN-HB")).ShouldBe(Now);
        writer.Pending.ShouldBe(0);

        // Within the minute another message queues nothing; after it, the new time is queued and written.
        clock.Now = Now.AddSeconds(59);
        lifecycle.Touch("SEEN-HB");
        writer.Pending.ShouldBe(0);
        clock.Now = Now.AddSeconds(61);
        lifecycle.Touch("SEEN-HB");
        (await writer.FlushAsync(ct)).ShouldBe(1);
        (await LastSeenAsync("SEEN-HB")).ShouldBe(Now.AddSeconds(61));
    }

    [Fact]
    public async Task A_queued_time_never_moves_last_seen_backwards()
    {
        var ct = TestContext.Current.CancellationToken;
        var (_, writer, _) = Create();
        await factory.AddStationAsync("SEEN-NEWER", online: false, lastSeen: Now, heartbeatSeconds: 30);
        await factory.AddStationAsync("SEEN-TWICE", online: true, lastSeen: null, heartbeatSeconds: 30);

        // The station disconnected (writing its own, later time) after this one was queued.
        writer.Record("SEEN-NEWER", Now.AddSeconds(-5));

        // Of two queued times the later one is kept, whatever the order they were recorded in.
        writer.Record("SEEN-TWICE", Now.AddSeconds(10));
        writer.Record("SEEN-TWICE", Now.AddSeconds(3));
        writer.Pending.ShouldBe(2);

        (await writer.FlushAsync(ct)).ShouldBe(2);
        (await LastSeenAsync("SEEN-NEWER")).ShouldBe(Now);
        (await LastSeenAsync("SEEN-TWICE")).ShouldBe(Now.AddSeconds(10));
    }

    [Fact]
    public async Task A_station_that_disconnects_has_its_queued_time_dropped_and_its_own_written()
    {
        var ct = TestContext.Current.CancellationToken;
        var (lifecycle, writer, clock) = Create();
        await factory.AddStationAsync("SEEN-GONE", online: true, lastSeen: Now.AddHours(-2), heartbeatSeconds: 30);

        lifecycle.Touch("SEEN-GONE");
        writer.Pending.ShouldBe(1);
        clock.Now = Now.AddSeconds(20);
        await lifecycle.DisconnectedAsync("SEEN-GONE", ct);

        writer.Pending.ShouldBe(0);
        (await LastSeenAsync("SEEN-GONE")).ShouldBe(Now.AddSeconds(20));
    }

    [Fact]
    public async Task Nothing_queued_writes_nothing()
    {
        var (_, writer, _) = Create();
        (await writer.FlushAsync(TestContext.Current.CancellationToken)).ShouldBe(0);
    }
}
