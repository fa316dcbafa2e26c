using System.Text.Json.Nodes;
using ChargePortal.Web.Tests.Infrastructure;
using static ChargePortal.Web.Tests.Ocpp.OcppTestData;
using static ChargePortal.Web.Tests.Roaming.RoamingApi;

namespace ChargePortal.Web.Tests.Roaming;

/// <summary>Pushes are queued durably: a partner that is down gets them after it comes back, in order, after retries.</summary>
public sealed class RoamingPushQueueTests(RoamingPortalFactory factory) : IClassFixture<RoamingPortalFactory>
{
    [Fact]
    public async Task A_partner_that_is_down_receives_the_pushes_in_order_when_it_comes_back()
    {
        var (emsp, partnerId) = await ConnectedEmspAsync(factory, "EDA");
        await using var _ = emsp;
        emsp.Down = true;

        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, "AMS-WP-02", V16);
        await cp.CallOkAsync("BootNotification", Boot16());
        foreach (var status in new[] { "Available", "Charging", "Finishing", "Available" })
        {
            await cp.CallOkAsync("StatusNotification", new JsonObject { ["connectorId"] = 1, ["errorCode"] = "NoError", ["status"] = status });
        }

        // Retried with back-off while down, the first one holding back the rest; the operator sees the error.
        await emsp.WaitForAsync(r => r.WhileDown && r.Method == "PATCH");
        var retries = await EventuallyAsync(() => Task.FromResult(emsp.Received.Count(r => r.WhileDown && r.Method == "PATCH")), n => n >= 3);
        retries.ShouldBeGreaterThanOrEqualTo(3);
        emsp.Received.Where(r => r.WhileDown && r.Method == "PATCH").Select(r => r.Path).Distinct().Count().ShouldBe(1);
        var partner = await EventuallyAsync(() => PartnerAsync(factory, partnerId), p => p["modules"]!.AsArray().Any(m => m!["lastPushError"] is not null));
        partner["queuedPushes"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(4);
        partner["modules"]!.AsArray().Single(m => m!["module"]!.ToString() == "locations")!["lastPushError"]!.ToString().ShouldContain("503");

        emsp.Down = false;

        // The queue drains completely; a push leaves it only after the partner has received it, so every delivery is in.
        (await EventuallyAsync(() => PartnerAsync(factory, partnerId), p => p["queuedPushes"]!.GetValue<int>() == 0))["queuedPushes"]!.GetValue<int>().ShouldBe(0);
        var delivered = emsp.Received.Where(r => !r.WhileDown && r.Method == "PATCH" && r.Path.Contains("AMS-WP-02", StringComparison.Ordinal) && r.Path.EndsWith("*1", StringComparison.Ordinal)).ToList();
        delivered.Count.ShouldBeGreaterThanOrEqualTo(4);

        // Connected (UNKNOWN→AVAILABLE as the station comes online) and then the four changes, in the order they happened.
        var statuses = delivered.Select(r => r.Body!["status"]!.ToString()).ToList();
        statuses.TakeLast(4).ShouldBe(["AVAILABLE", "CHARGING", "CHARGING", "AVAILABLE"]);
    }

    [Fact]
    public async Task A_suspended_partner_is_refused_and_gets_nothing_until_resumed()
    {
        var (emsp, partnerId) = await ConnectedEmspAsync(factory, "EDB");
        await using var _ = emsp;
        using var client = StandInEmsp.CpoClient(factory.BaseUri, emsp.TokenForCpo!);
        using var api = factory.CreateApi();
        (await api.PostAsync($"/api/roaming/partners/{partnerId}/suspend", null, TestContext.Current.CancellationToken)).IsSuccessStatusCode.ShouldBeTrue();
        ((int)(await OcpiAsync(client, HttpMethod.Get, "/ocpi/2.2.1/locations"))["http_status"]!).ShouldBe(401);

        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, "AMS-WP-03", V16);
        await cp.CallOkAsync("BootNotification", Boot16());
        await cp.CallOkAsync("StatusNotification", new JsonObject { ["connectorId"] = 1, ["errorCode"] = "NoError", ["status"] = "Faulted" });
        await Task.Delay(1500, TestContext.Current.CancellationToken);
        emsp.Received.ShouldNotContain(r => r.Path.Contains("AMS-WP-03", StringComparison.Ordinal));

        (await api.PostAsync($"/api/roaming/partners/{partnerId}/resume", null, TestContext.Current.CancellationToken)).IsSuccessStatusCode.ShouldBeTrue();
        var push = await emsp.WaitForAsync(r => r.Path.Contains("AMS-WP-03", StringComparison.Ordinal) && r.Body?["status"]?.ToString() == "OUTOFORDER");
        push.Method.ShouldBe("PATCH");
        ((int)(await OcpiAsync(client, HttpMethod.Get, "/ocpi/2.2.1/locations"))["status_code"]!).ShouldBe(1000);
    }
}
