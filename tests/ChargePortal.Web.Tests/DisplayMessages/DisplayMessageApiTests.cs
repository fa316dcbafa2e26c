using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChargePortal.Web.Data;
using ChargePortal.Web.Tests.Infrastructure;
using ChargePortal.Web.Tests.Ocpp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChargePortal.Web.Tests.DisplayMessages;

/// <summary>Display messages (block O) over the API and real sockets: what is sent, what the station answers, what is stored.</summary>
public sealed class DisplayMessageApiTests(KestrelChargePortalFactory factory) : IClassFixture<KestrelChargePortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_message_is_set_listed_replaced_and_cleared_as_the_station_accepts_it()
    {
        await using var cp = await BootAsync("DM-1");
        var api = factory.CreateApi();
        var endsAt = DateTimeOffset.UtcNow.AddHours(2);

        var set = api.PostAsJsonAsync("/api/stations/DM-1/display-messages", new
        {
            priority = "InFront", state = "Idle", endsAt = OcppTestData.Iso(endsAt), language = "en", format = "UTF8", content = "Out of order until 10:00",
        }, Ct);
        var call = await cp.ExpectCallAsync("SetDisplayMessage");
        var message = call[3]!["message"]!;
        ((int)message["id"]!).ShouldBe(1);
        ((string)message["priority"]!).ShouldBe("InFront");
        ((string)message["state"]!).ShouldBe("Idle");
        message["transactionId"].ShouldBeNull();
        ((string)message["message"]!["format"]!).ShouldBe("UTF8");
        ((string)message["message"]!["language"]!).ShouldBe("en");
        ((string)message["message"]!["content"]!).ShouldBe("Out of order until 10:00");
        DateTimeOffset.Parse((string)message["endDateTime"]!, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(endsAt, TimeSpan.FromMilliseconds(1));
        await cp.RespondAsync(call, new JsonObject { ["status"] = "Accepted" });
        var answer = await ReadAsync(await set);
        answer.GetProperty("status").GetString().ShouldBe("Accepted");
        answer.GetProperty("id").GetInt32().ShouldBe(1);

        var listed = (await ListAsync(api, "DM-1")).ShouldHaveSingleItem();
        listed.GetProperty("id").GetInt32().ShouldBe(1);
        listed.GetProperty("content").GetString().ShouldBe("Out of order until 10:00");
        listed.GetProperty("priority").GetString().ShouldBe("InFront");
        listed.GetProperty("state").GetString().ShouldBe("Idle");
        listed.GetProperty("source").GetString().ShouldBe("Set");

        // O06: the same id replaces the message with all its new parameters (here through the command route).
        var replace = api.PostAsJsonAsync("/api/stations/DM-1/commands/set-display-message", new { id = 1, priority = "NormalCycle", format = "ASCII", content = "Tariff 0.39 EUR/kWh" }, Ct);
        var replaceCall = await cp.ExpectCallAsync("SetDisplayMessage");
        ((int)replaceCall[3]!["message"]!["id"]!).ShouldBe(1);
        replaceCall[3]!["message"]!["state"].ShouldBeNull();
        await cp.RespondAsync(replaceCall, new JsonObject { ["status"] = "Accepted" });
        (await ReadAsync(await replace)).GetProperty("status").GetString().ShouldBe("Accepted");
        listed = (await ListAsync(api, "DM-1", l => l.Count == 1 && l[0].GetProperty("content").GetString() == "Tariff 0.39 EUR/kWh")).ShouldHaveSingleItem();
        listed.GetProperty("priority").GetString().ShouldBe("NormalCycle");
        listed.GetProperty("format").GetString().ShouldBe("ASCII");
        listed.GetProperty("state").ValueKind.ShouldBe(JsonValueKind.Null);

        var clear = api.DeleteAsync("/api/stations/DM-1/display-messages/1", Ct);
        var clearCall = await cp.ExpectCallAsync("ClearDisplayMessage");
        ((int)clearCall[3]!["id"]!).ShouldBe(1);
        await cp.RespondAsync(clearCall, new JsonObject { ["status"] = "Accepted" });
        (await ReadAsync(await clear)).GetProperty("status").GetString().ShouldBe("Accepted");
        (await ListAsync(api, "DM-1", l => l.Count == 0)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("NotSupportedPriority", "does not support this priority")]
    [InlineData("NotSupportedState", "does not support showing messages in this state")]
    [InlineData("NotSupportedMessageFormat", "does not support this message format")]
    [InlineData("Rejected", "rejected it")]
    [InlineData("UnknownTransaction", "does not know this transaction")]
    public async Task A_refused_message_is_answered_with_the_stations_status_explained_and_not_stored(string status, string meaning)
    {
        var stationId = "DM-R-" + status;
        await using var cp = await BootAsync(stationId);
        var api = factory.CreateApi();

        var set = api.PostAsJsonAsync($"/api/stations/{stationId}/display-messages", new
        {
            id = 7, priority = "AlwaysFront", transactionId = "tx-unknown-1", format = "HTML", content = "<b>Thank you</b>",
        }, Ct);
        var call = await cp.ExpectCallAsync("SetDisplayMessage");
        ((string)call[3]!["message"]!["transactionId"]!).ShouldBe("tx-unknown-1");
        ((string)call[3]!["message"]!["message"]!["format"]!).ShouldBe("HTML");
        await cp.RespondAsync(call, new JsonObject { ["status"] = status });

        var answer = await ReadAsync(await set);
        answer.GetProperty("status").GetString().ShouldBe(status);
        answer.GetProperty("detail").GetString()!.ShouldContain(meaning);
        (await ListAsync(api, stationId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_stations_report_in_parts_replaces_the_list_and_an_Unknown_answer_empties_what_it_covers()
    {
        await using var cp = await BootAsync("DM-REPORT");
        var api = factory.CreateApi();
        await SetAcceptedAsync(cp, api, "DM-REPORT", id: 1, "NormalCycle", "stale message");

        var query = api.PostAsJsonAsync("/api/stations/DM-REPORT/display-messages/query", new { }, Ct);
        var call = await cp.ExpectCallAsync("GetDisplayMessages");
        var requestId = (int)call[3]!["requestId"]!;
        call[3]!["id"].ShouldBeNull();
        call[3]!["priority"].ShouldBeNull();
        await cp.RespondAsync(call, new JsonObject { ["status"] = "Accepted" });
        var answer = await ReadAsync(await query);
        answer.GetProperty("requestId").GetInt32().ShouldBe(requestId);

        await cp.CallOkAsync("NotifyDisplayMessages", new JsonObject
        {
            ["requestId"] = requestId, ["tbc"] = true,
            ["messageInfo"] = new JsonArray(Info(5, "InFront", "Welcome")),
        });
        await cp.CallOkAsync("NotifyDisplayMessages", new JsonObject
        {
            ["requestId"] = requestId,
            ["messageInfo"] = new JsonArray(Info(6, "NormalCycle", "Tariff 0.39 EUR/kWh")),
        });
        var listed = await ListAsync(api, "DM-REPORT", l => l.Count == 2 && l.All(m => m.GetProperty("id").GetInt32() != 1));
        listed.Select(m => m.GetProperty("id").GetInt32()).ShouldBe([5, 6]);
        listed.ShouldAllBe(m => m.GetProperty("source").GetString() == "Reported");

        // Asked for the InFront messages, the station has none: those leave the list, the others stay.
        var inFront = api.PostAsJsonAsync("/api/stations/DM-REPORT/display-messages/query", new { priority = "InFront" }, Ct);
        var inFrontCall = await cp.ExpectCallAsync("GetDisplayMessages");
        ((string)inFrontCall[3]!["priority"]!).ShouldBe("InFront");
        await cp.RespondAsync(inFrontCall, new JsonObject { ["status"] = "Unknown" });
        (await ReadAsync(await inFront)).GetProperty("status").GetString().ShouldBe("Unknown");
        (await ListAsync(api, "DM-REPORT", l => l.Count == 1)).ShouldHaveSingleItem().GetProperty("id").GetInt32().ShouldBe(6);

        // A message the station no longer has: Unknown also takes it off the list.
        var clear = api.DeleteAsync("/api/stations/DM-REPORT/display-messages/6", Ct);
        await cp.RespondAsync(await cp.ExpectCallAsync("ClearDisplayMessage"), new JsonObject { ["status"] = "Unknown" });
        var cleared = await ReadAsync(await clear);
        cleared.GetProperty("status").GetString().ShouldBe("Unknown");
        cleared.GetProperty("detail").GetString()!.ShouldContain("no such message");
        (await ListAsync(api, "DM-REPORT", l => l.Count == 0)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_bad_body_is_400_naming_each_problem_and_nothing_is_sent()
    {
        await using var cp = await BootAsync("DM-BAD");
        var api = factory.CreateApi();

        var response = await api.PostAsync("/api/stations/DM-BAD/display-messages", Json("""
            {"priority":"Top","format":"ASCII","content":"Überall","language":"en-GB-oxendict","startsAt":"2030-01-02T10:00:00Z","endsAt":"2030-01-01T10:00:00Z"}
            """), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var text = await response.Content.ReadAsStringAsync(Ct);
        text.ShouldContain("priority must be one of AlwaysFront, InFront, NormalCycle");
        text.ShouldContain("language must be at most 8 characters");
        text.ShouldContain("must be after startsAt");
        text.ShouldContain("content must be plain ASCII");

        (await api.PostAsync("/api/stations/DM-BAD/display-messages", Json("""{"priority":"InFront","content":"x","colour":"red"}"""), Ct))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var past = await api.PostAsync("/api/stations/DM-BAD/display-messages", Json("""{"priority":"InFront","content":"late","endsAt":"2020-01-01T00:00:00Z"}"""), Ct);
        past.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await past.Content.ReadAsStringAsync(Ct)).ShouldContain("is in the past");
        var query = await api.PostAsync("/api/stations/DM-BAD/display-messages/query", Json("""{"ids":[1,1],"state":"Sleeping"}"""), Ct);
        query.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var queryText = await query.Content.ReadAsStringAsync(Ct);
        queryText.ShouldContain("ids lists 1 more than once");
        queryText.ShouldContain("state must be one of Charging, Faulted, Idle, Unavailable");

        // Nothing reached the station: the next call it sees is this one.
        var probe = api.DeleteAsync("/api/stations/DM-BAD/display-messages/3", Ct);
        await cp.RespondAsync(await cp.ExpectCallAsync("ClearDisplayMessage"), new JsonObject { ["status"] = "Unknown" });
        (await probe).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Site_owners_manage_messages_of_their_own_sites_stations_only_and_drivers_none()
    {
        var api = factory.CreateApi();
        await using var own = await BootAsync("DM-OWN");
        await using var other = await BootAsync("DM-OTHER");
        var (ownSite, otherSite) = await SitesAsync();
        (await api.PatchAsJsonAsync("/api/stations/DM-OWN", new { siteId = ownSite }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.PatchAsJsonAsync("/api/stations/DM-OTHER", new { siteId = otherSite }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var owner = factory.CreateApi(await factory.ApiKeyForAsync(DemoSeeder.OwnerEmail));

        await SetAcceptedAsync(own, owner, "DM-OWN", id: null, "InFront", "Closed for maintenance 8–10");
        (await ListAsync(owner, "DM-OWN")).ShouldHaveSingleItem().GetProperty("content").GetString().ShouldBe("Closed for maintenance 8–10");

        var forbidden = await owner.PostAsJsonAsync("/api/stations/DM-OTHER/display-messages", new { priority = "InFront", content = "not mine" }, Ct);
        forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await forbidden.Content.ReadAsStringAsync(Ct)).ShouldContain("not on one of your sites");
        (await owner.GetAsync("/api/stations/DM-OTHER/display-messages", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await owner.DeleteAsync("/api/stations/DM-OTHER/display-messages/1", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await owner.PostAsJsonAsync("/api/stations/DM-OWN/commands/set-display-message", new { id = 2, priority = "InFront", content = "x" }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var driver = factory.CreateApi(await factory.ApiKeyForAsync(DemoSeeder.DriverEmail));
        (await driver.GetAsync("/api/stations/DM-OWN/display-messages", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await driver.PostAsJsonAsync("/api/stations/DM-OWN/display-messages", new { priority = "InFront", content = "x" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_page_shows_a_site_owner_their_stations_messages_refuses_other_sites_and_is_closed_to_drivers()
    {
        var api = factory.CreateApi();
        await using var own = await BootAsync("DM-PAGE-OWN");
        await using var other = await BootAsync("DM-PAGE-OTHER");
        var (ownSite, otherSite) = await SitesAsync();
        (await api.PatchAsJsonAsync("/api/stations/DM-PAGE-OWN", new { siteId = ownSite }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.PatchAsJsonAsync("/api/stations/DM-PAGE-OTHER", new { siteId = otherSite }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await SetAcceptedAsync(own, api, "DM-PAGE-OWN", id: 3, "InFront", "Welcome to the car park");

        var owner = BrowserClient();
        await owner.SignInAsync(DemoSeeder.OwnerEmail, ChargePortalFactory.DemoPassword);
        var page = await owner.GetStringAsync("/stations/DM-PAGE-OWN/display-messages", Ct);
        page.ShouldContain("Welcome to the car park");
        page.ShouldContain("data-testid=\"message-3\"");
        (await owner.GetStringAsync("/stations/DM-PAGE-OTHER/display-messages", Ct)).ShouldContain("is not on one of your sites");
        (await owner.GetStringAsync("/dashboard", Ct)).ShouldContain("/stations/DM-PAGE-OWN/display-messages");

        var driver = BrowserClient();
        await driver.SignInAsync(DemoSeeder.DriverEmail, ChargePortalFactory.DemoPassword);
        var denied = await driver.GetAsync("/stations/DM-PAGE-OWN/display-messages", Ct);
        (await denied.Content.ReadAsStringAsync(Ct)).ShouldNotContain("Welcome to the car park");
    }

    [Fact]
    public async Task Unknown_offline_and_16_stations_are_404_and_409_with_the_reason()
    {
        var api = factory.CreateApi();
        (await api.GetAsync("/api/stations/DM-NOBODY/display-messages", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.PostAsJsonAsync("/api/stations/DM-NOBODY/display-messages", new { priority = "InFront", content = "x" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await using (var gone = await BootAsync("DM-GONE"))
        {
        }

        var offline = await OcppTestData.EventuallyAsync(() => api.PostAsJsonAsync("/api/stations/DM-GONE/display-messages", new { priority = "InFront", content = "x" }, Ct),
            r => r.StatusCode == HttpStatusCode.Conflict);
        offline.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await offline.Content.ReadAsStringAsync(Ct)).ShouldContain("not connected");

        await using var v16 = await RawOcppClient.ConnectAsync(factory.OcppUri, "DM-16", OcppTestData.V16);
        await v16.CallOkAsync("BootNotification", OcppTestData.Boot16());
        var refused = await api.PostAsJsonAsync("/api/stations/DM-16/display-messages", new { priority = "InFront", content = "x" }, Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.Content.ReadAsStringAsync(Ct)).ShouldContain("OCPP 1.6, which has no display messages");
        (await api.GetAsync("/api/stations/DM-16/display-messages", Ct)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var command = await api.PostAsJsonAsync("/api/stations/DM-16/commands/set-display-message", new { id = 1, priority = "InFront", content = "x" }, Ct);
        command.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await command.Content.ReadAsStringAsync(Ct)).ShouldContain("Display messages exist in OCPP 2.0.1 only");
    }

    [Fact]
    public async Task A_station_error_is_502_with_its_ocpp_code()
    {
        await using var cp = await BootAsync("DM-ERR");
        var response = factory.CreateApi().PostAsJsonAsync("/api/stations/DM-ERR/display-messages", new { priority = "InFront", content = "x" }, Ct);
        await cp.RespondErrorAsync(await cp.ExpectCallAsync("SetDisplayMessage"), "NotSupported", "no display");
        var answer = await response;
        answer.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        (await answer.Content.ReadAsStringAsync(Ct)).ShouldContain("NotSupported");
    }

    private static async Task SetAcceptedAsync(RawOcppClient cp, HttpClient api, string stationId, int? id, string priority, string content)
    {
        var set = api.PostAsJsonAsync($"/api/stations/{stationId}/display-messages", new { id, priority, content }, Ct);
        await cp.RespondAsync(await cp.ExpectCallAsync("SetDisplayMessage"), new JsonObject { ["status"] = "Accepted" });
        (await ReadAsync(await set)).GetProperty("status").GetString().ShouldBe("Accepted");
    }

    private static JsonObject Info(int id, string priority, string content) => new()
    {
        ["id"] = id, ["priority"] = priority,
        ["message"] = new JsonObject { ["format"] = "UTF8", ["language"] = "en", ["content"] = content },
    };

    private async Task<(int Own, int Other)> SitesAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ownerId = await factory.UserIdAsync(DemoSeeder.OwnerEmail);
        var owned = await db.SiteOwnerships.Where(o => o.UserId == ownerId).Select(o => o.SiteId).ToListAsync(Ct);
        var other = await db.Sites.Where(s => !owned.Contains(s.Id)).Select(s => s.Id).FirstAsync(Ct);
        return (owned[0], other);
    }

    private HttpClient BrowserClient() =>
        factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = factory.BaseUri });

    private async Task<RawOcppClient> BootAsync(string stationId)
    {
        var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, stationId, OcppTestData.V201);
        await cp.CallOkAsync("BootNotification", OcppTestData.Boot201());
        return cp;
    }

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<List<JsonElement>> ListAsync(HttpClient api, string stationId, Func<List<JsonElement>, bool>? until = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var response = await api.GetAsync($"/api/stations/{stationId}/display-messages", Ct);
            var text = await response.Content.ReadAsStringAsync(Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
            var list = JsonDocument.Parse(text).RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
            if (until is null || until(list) || DateTime.UtcNow > deadline)
            {
                return list;
            }

            await Task.Delay(50, Ct);
        }
    }
}
