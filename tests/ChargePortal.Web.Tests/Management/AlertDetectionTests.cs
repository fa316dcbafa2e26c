using ChargePortal.Web.Alerts;
using ChargePortal.Web.Live;
using ChargePortal.Web.Sites;
using ChargePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChargePortal.Web.Tests.Management;

/// <summary>
/// The offline detector and alert de-duplication against the real database, with a test clock far in the
/// future so the app's own detector (on the system clock) never sees these stations as silent.
/// </summary>
public sealed class AlertDetectionTests(ChargePortalFactory factory) : IClassFixture<ChargePortalFactory>
{
    private static readonly DateTimeOffset Now = new(2040, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private (AlertService Alerts, OfflineDetector Detector, SettableTimeProvider Clock) Create()
    {
        var clock = new SettableTimeProvider(Now);
        var alerts = new AlertService(factory.Db(), factory.Services.GetRequiredService<IStationEventPublisher>(), clock);
        return (alerts, new OfflineDetector(factory.Db(), alerts, clock), clock);
    }

    private async Task<List<Alert>> AlertsForAsync(string stationId)
    {
        await using var db = await factory.Db().CreateDbContextAsync();
        return await db.Alerts.AsNoTracking().Where(a => a.StationId == stationId).ToListAsync();
    }

    [Fact]
    public async Task Listed_alerts_carry_the_time_zone_of_their_stations_site()
    {
        var (alerts, _, _) = Create();
        await alerts.RaiseAsync(new AlertRequest(AlertKind.ConnectorFault, "AMS-CS-04", 1, 1, "zone probe at a site"), TestContext.Current.CancellationToken);
        await factory.AddStationAsync("ZONE-NOSITE", online: true, lastSeen: Now, heartbeatSeconds: 30);
        await alerts.RaiseAsync(new AlertRequest(AlertKind.ConnectorFault, "ZONE-NOSITE", 1, 1, "zone probe without a site"), TestContext.Current.CancellationToken);

        var listed = await alerts.ListAsync(SiteScope.Everything, openOnly: true, 1000, TestContext.Current.CancellationToken);

        listed.Single(a => a.Message == "zone probe at a site").SiteTimeZoneId.ShouldBe("Europe/Amsterdam");
        listed.Single(a => a.Message == "zone probe without a site").SiteTimeZoneId.ShouldBeNull();
    }

    [Fact]
    public async Task A_station_silent_for_more_than_two_heartbeats_gets_one_offline_alert()
    {
        var (alerts, detector, clock) = Create();
        await factory.AddStationAsync("OFF-SILENT", online: true, lastSeen: Now.AddSeconds(-61), heartbeatSeconds: 30);
        await factory.AddStationAsync("OFF-FRESH", online: true, lastSeen: Now.AddSeconds(-59), heartbeatSeconds: 30);
        await factory.AddStationAsync("OFF-DISCONNECTED", online: false, lastSeen: Now.AddHours(-5), heartbeatSeconds: 30);

        (await detector.CheckAsync(TestContext.Current.CancellationToken)).ShouldBeGreaterThanOrEqualTo(1);
        var silent = (await AlertsForAsync("OFF-SILENT")).ShouldHaveSingleItem();
        silent.Kind.ShouldBe(AlertKind.StationOffline);
        silent.RaisedAt.ShouldBe(Now);
        silent.Message.ShouldContain("last seen 2040-01-01 11:58:59Z");
        (await AlertsForAsync("OFF-FRESH")).ShouldBeEmpty();
        (await AlertsForAsync("OFF-DISCONNECTED")).ShouldBeEmpty();

        // Still silent a minute later: the open alert is not duplicated.
        clock.Now = Now.AddMinutes(1);
        await detector.CheckAsync(TestContext.Current.CancellationToken);
        (await AlertsForAsync("OFF-SILENT")).Count.ShouldBe(1);
        (await AlertsForAsync("OFF-FRESH")).ShouldHaveSingleItem().Kind.ShouldBe(AlertKind.StationOffline);

        // Once acknowledged, a station that is still silent is reported again.
        (await alerts.AcknowledgeAsync(silent.Id, SiteScope.Everything, "tester", null, TestContext.Current.CancellationToken)).ShouldBeTrue();
        await detector.CheckAsync(TestContext.Current.CancellationToken);
        var all = await AlertsForAsync("OFF-SILENT");
        all.Count.ShouldBe(2);
        all.Count(a => a.AcknowledgedAt is null).ShouldBe(1);
    }

    [Theory]
    [InlineData(300, 600, false)]
    [InlineData(300, 601, true)]
    [InlineData(0, 3, true)]
    public void Silence_is_more_than_twice_the_heartbeat_interval(int interval, int secondsAgo, bool silent) =>
        OfflineDetector.IsSilent(Now.AddSeconds(-secondsAgo), interval, Now).ShouldBe(silent);

    [Fact]
    public void A_station_never_heard_from_is_silent() => OfflineDetector.IsSilent(null, 300, Now).ShouldBeTrue();

    [Fact]
    public async Task The_same_open_alert_is_raised_once_but_another_connector_or_kind_is_separate()
    {
        var (alerts, _, _) = Create();
        var ct = TestContext.Current.CancellationToken;
        (await alerts.RaiseAsync(new AlertRequest(AlertKind.ConnectorFault, "DEDUP-1", 1, 1, "GroundFailure"), ct)).ShouldBeTrue();
        (await alerts.RaiseAsync(new AlertRequest(AlertKind.ConnectorFault, "DEDUP-1", 1, 1, "GroundFailure again"), ct)).ShouldBeFalse();
        (await alerts.RaiseAsync(new AlertRequest(AlertKind.ConnectorFault, "DEDUP-1", 2, 2, "OverCurrent"), ct)).ShouldBeTrue();
        (await alerts.RaiseAsync(new AlertRequest(AlertKind.CommandFailed, "DEDUP-1", 1, 1, "reset failed"), ct)).ShouldBeTrue();
        (await AlertsForAsync("DEDUP-1")).Count.ShouldBe(3);
    }

    [Fact]
    public async Task Concurrent_raises_of_the_same_alert_open_exactly_one()
    {
        var (alerts, _, _) = Create();
        var request = new AlertRequest(AlertKind.StationOffline, "DEDUP-RACE", 0, 0, "silent");
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => alerts.RaiseAsync(request, TestContext.Current.CancellationToken)));
        results.Count(r => r).ShouldBe(1);
        (await AlertsForAsync("DEDUP-RACE")).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Acknowledging_twice_or_outside_the_scope_changes_nothing()
    {
        var (alerts, _, _) = Create();
        var ct = TestContext.Current.CancellationToken;
        await alerts.RaiseAsync(new AlertRequest(AlertKind.CommandFailed, "AMS-WP-02", 0, 0, "Timeout: no answer"), ct);
        var alert = (await AlertsForAsync("AMS-WP-02")).Single(a => a.AcknowledgedAt is null);

        (await alerts.AcknowledgeAsync(alert.Id, new SiteScope(false, new HashSet<int>()), "owner", null, ct)).ShouldBeFalse();
        (await alerts.AcknowledgeAsync(alert.Id, SiteScope.Everything, "op", null, ct)).ShouldBeTrue();
        (await alerts.AcknowledgeAsync(alert.Id, SiteScope.Everything, "op2", null, ct)).ShouldBeFalse();
        (await AlertsForAsync("AMS-WP-02")).Single(a => a.Id == alert.Id).AcknowledgedBy.ShouldBe("op");
    }

    [Theory]
    [InlineData("Offline: Station 'X' is not connected.", true)]
    [InlineData("Timeout: no answer in 30 s", true)]
    [InlineData("StationError: InternalError", true)]
    [InlineData("BadArguments: type must be Hard or Soft", true)]
    [InlineData("Accepted", false)]
    [InlineData("Rejected", false)]
    [InlineData("UnknownStation: nope", false)]
    public void Failed_command_outcomes_raise_command_alerts(string outcome, bool alert)
    {
        var request = AlertRules.For(new CommandCompleted("S1", Now, "reset", outcome));
        (request is not null).ShouldBe(alert);
        if (request is not null)
        {
            request.Kind.ShouldBe(AlertKind.CommandFailed);
            request.Message.ShouldContain(outcome);
        }
    }

    [Fact]
    public void A_station_fault_raises_a_connector_alert_for_that_connector()
    {
        var request = AlertRules.For(new StationFaulted("S1", Now, 2, 3, "GroundFailure", "RCD tripped")).ShouldNotBeNull();
        request.ShouldBe(new AlertRequest(AlertKind.ConnectorFault, "S1", 2, 3, "Connector 3 faulted: GroundFailure (RCD tripped)"));
        AlertRules.For(new StationConnected("S1", Now, "1.6")).ShouldBeNull();
    }
}
