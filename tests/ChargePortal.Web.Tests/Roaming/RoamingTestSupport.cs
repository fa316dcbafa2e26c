using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChargePortal.Web.Tests.Infrastructure;

namespace ChargePortal.Web.Tests.Roaming;

/// <summary>The host on Kestrel with roaming pushes retried quickly, so a test sees back-off and recovery in seconds.</summary>
public sealed class RoamingPortalFactory : KestrelChargePortalFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Roaming:CountryCode"] = "NL",
        ["Roaming:PartyId"] = "CPO",
        ["Roaming:PushPollSeconds"] = "0.2",
        ["Roaming:FirstRetryDelaySeconds"] = "0.2",
        ["Roaming:MaxRetryDelaySeconds"] = "1",
        ["Roaming:RealTimeAuthorizationTimeoutSeconds"] = "3",
    };
}

public static class RoamingApi
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>An operator registers a partner: its id, token A and our versions URL.</summary>
    public static async Task<(int Id, string TokenA, string VersionsUrl)> CreatePartnerAsync(KestrelChargePortalFactory factory, string partyId)
    {
        using var api = factory.CreateApi();
        var response = await api.PostAsJsonAsync("/api/roaming/partners",
            new { name = "Stand-in eMSP " + partyId, countryCode = StandInEmsp.CountryCode, partyId, role = "EMSP" }, Ct);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        return ((int)body["id"]!, (string)body["tokenA"]!, (string)body["versionsUrl"]!);
    }

    public static async Task<JsonObject> PartnerAsync(KestrelChargePortalFactory factory, int id)
    {
        using var api = factory.CreateApi();
        return (await api.GetFromJsonAsync<JsonObject>($"/api/roaming/partners/{id}", Ct))!;
    }

    /// <summary>A stand-in eMSP registered with the CPO the way the spec's registration goes (eMSP-initiated).</summary>
    public static async Task<(StandInEmsp Emsp, int PartnerId)> ConnectedEmspAsync(KestrelChargePortalFactory factory, string partyId)
    {
        var emsp = await StandInEmsp.StartAsync(partyId);
        var (id, tokenA, versionsUrl) = await CreatePartnerAsync(factory, partyId);
        var answer = await emsp.RegisterWithCpoAsync(versionsUrl, tokenA);
        ((int?)answer["status_code"]).ShouldBe(1000, answer.ToJsonString());
        return (emsp, id);
    }

    public static async Task<JsonObject> OcpiAsync(HttpClient client, HttpMethod method, string url, object? body = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await client.SendAsync(request, Ct);
        var json = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        json["http_status"] = (int)response.StatusCode;
        return json;
    }
}
