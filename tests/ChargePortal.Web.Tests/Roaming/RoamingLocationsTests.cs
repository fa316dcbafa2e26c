using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChargePortal.Web.Data;
using ChargePortal.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChargePortal.Web.Tests.Ocpp.OcppTestData;
using static ChargePortal.Web.Tests.Roaming.RoamingApi;

namespace ChargePortal.Web.Tests.Roaming;

/// <summary>Locations and Tariffs as sender: paged GETs, the operator's choice of sites per partner, live EVSE status pushes.</summary>
public sealed class RoamingLocationsTests(RoamingPortalFactory factory) : IClassFixture<RoamingPortalFactory>
{
    private static readonly int[] NoSuchSite = [4242];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<int> SiteOfAsync(string stationId)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        return (await db.Stations.SingleAsync(s => s.Id == stationId, Ct)).SiteId!.Value;
    }

    [Fact]
    public async Task Locations_are_paged_with_link_and_count_headers_and_describe_sites_stations_and_connectors()
    {
        var (emsp, _) = await ConnectedEmspAsync(factory, "ELA");
        await using var _ = emsp;
        using var client = StandInEmsp.CpoClient(factory.BaseUri, emsp.TokenForCpo!);

        using var first = await client.GetAsync("/ocpi/2.2.1/locations?limit=2", Ct);
        first.Headers.GetValues("X-Total-Count").Single().ShouldBe("3");
        first.Headers.GetValues("X-Limit").Single().ShouldBe("100");
        var next = first.Headers.GetValues("Link").Single();
        next.ShouldContain("offset=2");
        next.ShouldEndWith("rel=\"next\"");
        var page1 = (await first.Content.ReadFromJsonAsync<JsonObject>(Ct))!["data"]!.AsArray();
        page1.Count.ShouldBe(2);

        var nextUrl = next[(next.IndexOf('<') + 1)..next.IndexOf('>')];
        using var second = await client.GetAsync(nextUrl, Ct);
        second.Headers.Contains("Link").ShouldBeFalse();
        var page2 = (await second.Content.ReadFromJsonAsync<JsonObject>(Ct))!["data"]!.AsArray();
        page2.Count.ShouldBe(1);

        var siteId = await SiteOfAsync("AMS-CS-01");
        var centraal = page1.Concat(page2).Single(l => l!["id"]!.ToString() == siteId.ToString(System.Globalization.CultureInfo.InvariantCulture))!;
        centraal["country_code"]!.ToString().ShouldBe("NL");
        centraal["party_id"]!.ToString().ShouldBe("CPO");
        centraal["country"]!.ToString().ShouldBe("NLD");
        centraal["time_zone"]!.ToString().ShouldBe("Europe/Amsterdam");
        centraal["coordinates"]!["latitude"]!.ToString().ShouldBe("52.379100");
        var evse = centraal["evses"]!.AsArray().Single(e => e!["uid"]!.ToString() == "AMS-CS-01*1")!;
        evse["status"]!.ToString().ShouldBe("UNKNOWN"); // offline
        evse["evse_id"]!.ToString().ShouldBe("NL*CPO*EAMSCS01*1");
        var connector = evse["connectors"]![0]!;
        connector["standard"]!.ToString().ShouldBe("IEC_62196_T2_COMBO");
        connector["power_type"]!.ToString().ShouldBe("DC");
        connector["max_electric_power"]!.GetValue<int>().ShouldBe(150_000);
        connector["tariff_ids"]!.AsArray().Count.ShouldBe(1);

        // One object by id; an unknown one is 2003; a window in the future is empty.
        var one = await OcpiAsync(client, HttpMethod.Get, $"/ocpi/2.2.1/locations/{siteId}/{Uri.EscapeDataString("AMS-CS-01*2")}/2");
        one["data"]!["standard"]!.ToString().ShouldBe("CHADEMO");
        var unknown = await OcpiAsync(client, HttpMethod.Get, "/ocpi/2.2.1/locations/999");
        ((int)unknown["http_status"]!).ShouldBe(404);
        ((int)unknown["status_code"]!).ShouldBe(2003);
        var future = await OcpiAsync(client, HttpMethod.Get, $"/ocpi/2.2.1/locations?date_from={Uri.EscapeDataString(Iso(DateTimeOffset.UtcNow.AddDays(1)))}");
        future["data"]!.AsArray().Count.ShouldBe(0);
        var badLimit = await OcpiAsync(client, HttpMethod.Get, "/ocpi/2.2.1/locations?limit=abc");
        ((int)badLimit["status_code"]!).ShouldBe(2001);
    }

    [Fact]
    public async Task An_operator_restricts_a_partner_to_chosen_sites()
    {
        var (emsp, partnerId) = await ConnectedEmspAsync(factory, "ELB");
        await using var _ = emsp;
        using var client = StandInEmsp.CpoClient(factory.BaseUri, emsp.TokenForCpo!);
        var siteId = await SiteOfAsync("AMS-ZA-01");
        using var api = factory.CreateApi();
        (await api.PutAsJsonAsync($"/api/roaming/partners/{partnerId}/sites", new { publishAllSites = false, siteIds = new[] { siteId } }, Ct)).IsSuccessStatusCode.ShouldBeTrue();
        (await api.PutAsJsonAsync($"/api/roaming/partners/{partnerId}/sites", new { publishAllSites = false, siteIds = NoSuchSite }, Ct)).StatusCode
            .ShouldBe(System.Net.HttpStatusCode.BadRequest);

        var locations = (await OcpiAsync(client, HttpMethod.Get, "/ocpi/2.2.1/locations"))["data"]!.AsArray();
        locations.Select(l => l!["id"]!.ToString()).ShouldBe([siteId.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        var hidden = await SiteOfAsync("AMS-CS-01");
        ((int)(await OcpiAsync(client, HttpMethod.Get, $"/ocpi/2.2.1/locations/{hidden}"))["status_code"]!).ShouldBe(2003);
        (await OcpiAsync(client, HttpMethod.Get, "/ocpi/2.2.1/tariffs"))["data"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task Tariffs_map_to_price_components_without_vat_and_name_the_vat()
    {
        var (emsp, _) = await ConnectedEmspAsync(factory, "ELC");
        await using var _ = emsp;
        using var client = StandInEmsp.CpoClient(factory.BaseUri, emsp.TokenForCpo!);
        using var response = await client.GetAsync("/ocpi/2.2.1/tariffs?limit=1", Ct);
        response.Headers.GetValues("X-Total-Count").Single().ShouldBe("3");
        response.Headers.GetValues("Link").Single().ShouldContain("offset=1");
        var tariff = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["data"]![0]!;
        tariff["currency"]!.ToString().ShouldBe("EUR");
        var components = tariff["elements"]!.AsArray().Select(e => (e!["price_components"]![0]!, e["restrictions"])).ToList();

        // Demo tariff: €0.39/kWh, €0.10/min after 120 min, idle €0.25/min, VAT 21 % included.
        var energy = components.Single(c => c.Item1["type"]!.ToString() == "ENERGY").Item1;
        energy["price"]!.GetValue<decimal>().ShouldBe(0.3223m);
        energy["vat"]!.GetValue<decimal>().ShouldBe(21m);
        var time = components.Single(c => c.Item1["type"]!.ToString() == "TIME");
        time.Item1["price"]!.GetValue<decimal>().ShouldBe(4.9587m);
        time.Item1["step_size"]!.GetValue<int>().ShouldBe(60);
        time.Item2!["min_duration"]!.GetValue<int>().ShouldBe(7200);
        components.Single(c => c.Item1["type"]!.ToString() == "PARKING_TIME").Item1["price"]!.GetValue<decimal>().ShouldBe(12.3967m);
    }

    [Fact]
    public async Task A_connector_status_change_is_pushed_to_the_partner_as_the_evse_status()
    {
        var (emsp, _) = await ConnectedEmspAsync(factory, "ELD");
        await using var _ = emsp;
        var siteId = await SiteOfAsync("AMS-WP-01");
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, "AMS-WP-01", V16);
        await cp.CallOkAsync("BootNotification", Boot16());
        await cp.CallOkAsync("StatusNotification", new JsonObject { ["connectorId"] = 1, ["errorCode"] = "NoError", ["status"] = "Charging" });

        var push = await emsp.WaitForAsync(r => r.Method == "PATCH" && r.Path.Contains("AMS-WP-01", StringComparison.Ordinal) && r.Body?["status"]?.ToString() == "CHARGING");
        push.Path.ShouldStartWith($"/ocpi/emsp/2.2.1/locations/NL/CPO/{siteId}/");
        push.Headers["OCPI-to-party-id"].ShouldBe("ELD");
        push.Body!["last_updated"].ShouldNotBeNull();
    }
}
