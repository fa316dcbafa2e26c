using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChargePortal.Ocpp;
using ChargePortal.Web.Data;
using ChargePortal.Web.Sites;
using ChargePortal.Web.LoadManagement;
using ChargePortal.Web.Stations;
using ChargePortal.Web.Tests.Foundation;
using ChargePortal.Web.Tests.Infrastructure;
using ChargePortal.Web.Transactions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChargePortal.Web.Tests.Ocpp.OcppTestData;

namespace ChargePortal.Web.Tests.SmartCharging;

/// <summary>
/// NotifyChargingLimit / ClearedChargingLimit (K11–K14) on real sockets: stored, listed, and respected by the site load
/// balancer's next pass: the limited station gets no more than the limit allows and the rest goes to the others.
/// </summary>
public sealed class ExternalChargingLimitTests(KestrelChargePortalFactory factory) : IClassFixture<KestrelChargePortalFactory>
{
    private const int SiteLimitW = 22_000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_external_limit_lowers_the_stations_share_until_it_is_cleared()
    {
        _ = factory.BaseUri;
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, "ECL-A", V201);
        await cp.CallOkAsync("BootNotification", Boot201());
        var siteId = await SiteWithSessionsAsync("ECL-A", "ECL-B");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var sentToA = new ConcurrentQueue<decimal>();
        var responder = AnswerProfilesAsync(cp, sentToA, stop.Token);
        var balancer = factory.Services.GetRequiredService<SiteLoadBalancer>();
        var api = factory.CreateApi();

        (await SharesAsync(balancer, siteId)).ShouldBe([("ECL-A", 11_000), ("ECL-B", 11_000)]);

        // The EMS limits EVSE 1 to 10 A on one phase (2,300 W).
        await cp.CallOkAsync("NotifyChargingLimit", new JsonObject
        {
            ["chargingLimit"] = new JsonObject { ["chargingLimitSource"] = "EMS", ["isGridCritical"] = true },
            ["evseId"] = 1,
            ["chargingSchedule"] = new JsonArray(new JsonObject
            {
                ["id"] = 1, ["chargingRateUnit"] = "A",
                ["chargingSchedulePeriod"] = new JsonArray(new JsonObject { ["startPeriod"] = 0, ["limit"] = 10, ["numberPhases"] = 1 }),
            }),
        });
        var limits = await api.GetFromJsonAsync<JsonElement>("/api/stations/ECL-A/charging-limits", Ct);
        limits.GetArrayLength().ShouldBe(1);
        limits[0].GetProperty("evseId").GetInt32().ShouldBe(1);
        limits[0].GetProperty("source").GetString().ShouldBe("EMS");
        limits[0].GetProperty("isGridCritical").GetBoolean().ShouldBeTrue();
        limits[0].GetProperty("limitWNow").GetInt32().ShouldBe(2_300);
        limits[0].GetProperty("chargingSchedule")[0].GetProperty("chargingRateUnit").GetString().ShouldBe("A");

        // The notification itself started a pass: the station was sent its lowered share.
        await EventuallyAsync(() => Task.FromResult(sentToA.Contains(2_300m)), sent => sent);
        sentToA.ShouldContain(2_300m);
        (await SharesAsync(balancer, siteId)).ShouldBe([("ECL-A", 2_300), ("ECL-B", 19_700)]);

        // The system operator limits the whole station to 1 kW from now on (no EVSE, watts).
        await cp.CallOkAsync("NotifyChargingLimit", new JsonObject
        {
            ["chargingLimit"] = new JsonObject { ["chargingLimitSource"] = "SO" },
            ["chargingSchedule"] = new JsonArray(new JsonObject
            {
                ["id"] = 2, ["chargingRateUnit"] = "W", ["startSchedule"] = Iso(DateTimeOffset.UtcNow.AddMinutes(-1)), ["duration"] = 86_400,
                ["chargingSchedulePeriod"] = new JsonArray(new JsonObject { ["startPeriod"] = 0, ["limit"] = 1_000 }),
            }),
        });
        (await SharesAsync(balancer, siteId)).ShouldBe([("ECL-A", 1_000), ("ECL-B", 21_000)]);

        // The EMS releases EVSE 1; the SO's limit stays.
        await cp.CallOkAsync("ClearedChargingLimit", new JsonObject { ["chargingLimitSource"] = "EMS", ["evseId"] = 1 });
        limits = await api.GetFromJsonAsync<JsonElement>("/api/stations/ECL-A/charging-limits", Ct);
        limits.EnumerateArray().Select(l => (l.GetProperty("source").GetString(), l.GetProperty("evseId").GetInt32())).ShouldBe([("SO", 0)]);
        (await SharesAsync(balancer, siteId)).ShouldBe([("ECL-A", 1_000), ("ECL-B", 21_000)]);

        await cp.CallOkAsync("ClearedChargingLimit", new JsonObject { ["chargingLimitSource"] = "SO" });
        (await api.GetFromJsonAsync<JsonElement>("/api/stations/ECL-A/charging-limits", Ct)).GetArrayLength().ShouldBe(0);
        (await SharesAsync(balancer, siteId)).ShouldBe([("ECL-A", 11_000), ("ECL-B", 11_000)]);
        await EventuallyAsync(() => Task.FromResult(sentToA.LastOrDefault()), last => last == 11_000m);
        sentToA.Last().ShouldBe(11_000m);

        await stop.CancelAsync();
        await responder;
    }

    [Fact]
    public async Task When_the_limits_schedule_moves_to_its_next_period_the_shares_follow_without_any_other_event()
    {
        _ = factory.BaseUri;
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, "ECL-D", V201);
        await cp.CallOkAsync("BootNotification", Boot201());
        await SiteWithSessionsAsync("ECL-D", "ECL-E");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var sentToD = new ConcurrentQueue<decimal>();
        var responder = AnswerProfilesAsync(cp, sentToD, stop.Token);

        // The EMS allows EVSE 1 5 kW now and 1 kW from three seconds on, for six seconds; then the limit ends.
        await cp.CallOkAsync("NotifyChargingLimit", new JsonObject
        {
            ["chargingLimit"] = new JsonObject { ["chargingLimitSource"] = "EMS" },
            ["evseId"] = 1,
            ["chargingSchedule"] = new JsonArray(new JsonObject
            {
                ["id"] = 1, ["chargingRateUnit"] = "W", ["startSchedule"] = Iso(DateTimeOffset.UtcNow), ["duration"] = 6,
                ["chargingSchedulePeriod"] = new JsonArray(
                    new JsonObject { ["startPeriod"] = 0, ["limit"] = 5_000 },
                    new JsonObject { ["startPeriod"] = 3, ["limit"] = 1_000 }),
            }),
        });

        // The notification's pass (5 kW, unless it ran late), then one pass at each boundary: the second period, and the
        // schedule's end, which gives the station its fair share back.
        await EventuallyAsync(() => Task.FromResult(sentToD.ToArray()), sent => sent.Length > 0 && sent[^1] == 11_000m);
        sentToD.ToArray().Where(limit => limit != 5_000m).ShouldBe([1_000m, 11_000m]);

        await stop.CancelAsync();
        await responder;
    }

    [Fact]
    public async Task A_limit_without_a_schedule_is_stored_but_takes_nothing_and_bad_ones_are_refused()
    {
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, "ECL-C", V201);
        await cp.CallOkAsync("BootNotification", Boot201());
        var api = factory.CreateApi();

        await cp.CallOkAsync("NotifyChargingLimit", new JsonObject { ["chargingLimit"] = new JsonObject { ["chargingLimitSource"] = "Other" }, ["evseId"] = 2 });
        var limits = await api.GetFromJsonAsync<JsonElement>("/api/stations/ECL-C/charging-limits", Ct);
        limits.GetArrayLength().ShouldBe(1);
        limits[0].TryGetProperty("limitWNow", out var now).ShouldBeTrue();
        now.ValueKind.ShouldBe(JsonValueKind.Null);

        // Schema violations are CALLERRORs and change nothing.
        var bad = await cp.CallAsync("NotifyChargingLimit", new JsonObject { ["chargingLimit"] = new JsonObject { ["chargingLimitSource"] = "Grid" } });
        ((int)bad[0]!).ShouldBe(4);
        var badClear = await cp.CallAsync("ClearedChargingLimit", new JsonObject { ["evseId"] = 2 });
        ((int)badClear[0]!).ShouldBe(4);
        (await api.GetFromJsonAsync<JsonElement>("/api/stations/ECL-C/charging-limits", Ct)).GetArrayLength().ShouldBe(1);

        await ApiAuthenticationTests.ShouldBeProblemAsync(await api.GetAsync("/api/stations/NO-SUCH/charging-limits", Ct), HttpStatusCode.NotFound, "NO-SUCH");
        var ownerKey = await factory.ApiKeyForAsync(DemoSeeder.OwnerEmail);
        (await factory.CreateApi(ownerKey).GetAsync("/api/stations/ECL-C/charging-limits", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private async Task<int> SiteWithSessionsAsync(string connected, string other)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        var site = new Site { Name = "External limits " + connected, MaxPowerW = SiteLimitW };
        db.Sites.Add(site);
        await db.SaveChangesAsync(Ct);
        (await db.Stations.SingleAsync(s => s.Id == connected, Ct)).SiteId = site.Id;
        db.Stations.Add(new Station { Id = other, Name = other, SiteId = site.Id, OcppVersion = OcppVersion.V201, CreatedAt = DateTimeOffset.UtcNow });
        var now = DateTimeOffset.UtcNow;
        db.Transactions.AddRange(
            new ChargingTransaction { StationId = connected, EvseId = 1, ConnectorId = 1, OcppTransactionId = "tx-" + connected, StartedAt = now },
            new ChargingTransaction { StationId = other, EvseId = 1, ConnectorId = 1, OcppTransactionId = "tx-" + other, StartedAt = now });
        await db.SaveChangesAsync(Ct);
        return site.Id;
    }

    private static async Task<List<(string StationId, int LimitW)>> SharesAsync(SiteLoadBalancer balancer, int siteId) =>
        [.. (await balancer.RebalanceAsync(siteId, Ct)).Select(s => (s.StationId, s.LimitW)).OrderBy(s => s.StationId, StringComparer.Ordinal)];

    /// <summary>Accepts every SetChargingProfile the balancer sends, noting each limit.</summary>
    private static async Task AnswerProfilesAsync(RawOcppClient cp, ConcurrentQueue<decimal> limits, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var next = cp.NextCallAsync();
            if (await Task.WhenAny(next, Task.Delay(Timeout.Infinite, stop)) != next)
            {
                return;
            }

            JsonArray call;
            try
            {
                call = await next;
            }
            catch (OperationCanceledException)
            {
                continue;
            }

            if ((string?)call[2] == "SetChargingProfile")
            {
                limits.Enqueue((decimal)call[3]!["chargingProfile"]!["chargingSchedule"]![0]!["chargingSchedulePeriod"]![0]!["limit"]!);
            }

            await cp.RespondAsync(call, new JsonObject { ["status"] = "Accepted" });
        }
    }
}
