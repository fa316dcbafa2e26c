using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChargePortal.Web.Data;
using ChargePortal.Web.Tests.Infrastructure;
using ChargePortal.Web.Tests.Ocpp;

namespace ChargePortal.Web.Tests.CustomerInformation;

/// <summary>CustomerInformation (N09 report, N10 clear) over the API and real sockets, with the NotifyCustomerInformation parts assembled.</summary>
public sealed class CustomerInformationApiTests(KestrelChargePortalFactory factory) : IClassFixture<KestrelChargePortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_report_by_token_is_sent_as_asked_and_its_parts_are_assembled_in_order()
    {
        await using var cp = await BootAsync("CI-1");
        var api = factory.CreateApi();

        var asked = api.PostAsJsonAsync("/api/stations/CI-1/customer-information",
            new { report = true, clear = false, idToken = new { idToken = "04A1B2C3", type = "ISO14443" } }, Ct);
        var call = await cp.ExpectCallAsync("CustomerInformation");
        var payload = call[3]!;
        ((bool)payload["report"]!).ShouldBeTrue();
        ((bool)payload["clear"]!).ShouldBeFalse();
        ((string)payload["idToken"]!["idToken"]!).ShouldBe("04A1B2C3");
        ((string)payload["idToken"]!["type"]!).ShouldBe("ISO14443");
        payload["customerIdentifier"].ShouldBeNull();
        payload["customerCertificate"].ShouldBeNull();
        var requestId = (int)payload["requestId"]!;
        await cp.RespondAsync(call, new JsonObject { ["status"] = "Accepted" });
        var answer = await ReadAsync(await asked);
        answer.GetProperty("status").GetString().ShouldBe("Accepted");
        answer.GetProperty("requestId").GetInt32().ShouldBe(requestId);

        // Parts may arrive out of order; the report is complete once every seqNo up to the last (tbc false) is in.
        await cp.CallOkAsync("NotifyCustomerInformation", Part(requestId, seqNo: 1, tbc: false, "sessions: 2026-12-01 7.2 kWh"));
        var partial = await ReportAsync(api, "CI-1", requestId, r => r.GetProperty("parts").GetArrayLength() == 1);
        partial.GetProperty("complete").GetBoolean().ShouldBeFalse();
        await cp.CallOkAsync("NotifyCustomerInformation", Part(requestId, seqNo: 0, tbc: true, "token 04A1B2C3 cached Accepted; "));

        var report = await ReportAsync(api, "CI-1", requestId, r => r.GetProperty("complete").GetBoolean());
        report.GetProperty("complete").GetBoolean().ShouldBeTrue();
        report.GetProperty("data").GetString().ShouldBe("token 04A1B2C3 cached Accepted; sessions: 2026-12-01 7.2 kWh");
        report.GetProperty("status").GetString().ShouldBe("Accepted");
        report.GetProperty("report").GetBoolean().ShouldBeTrue();
        report.GetProperty("customer").GetProperty("kind").GetString().ShouldBe("IdToken");
        report.GetProperty("customer").GetProperty("value").GetString().ShouldBe("04A1B2C3");
        report.GetProperty("parts").EnumerateArray().Select(p => p.GetProperty("seqNo").GetInt32()).ShouldBe([0, 1]);

        var list = await api.GetFromJsonAsync<JsonElement>("/api/stations/CI-1/customer-information", Ct);
        list.EnumerateArray().ShouldContain(r => r.GetProperty("requestId").GetInt32() == requestId);

        // The console's customer-data page shows it assembled; site owners may not open it.
        var operatorClient = BrowserClient();
        await operatorClient.SignInAsync(DemoSeeder.OperatorEmail, ChargePortalFactory.DemoPassword);
        var page = await operatorClient.GetStringAsync("/operator/stations/CI-1/customer-information", Ct);
        page.ShouldContain("token 04A1B2C3 cached Accepted; sessions: 2026-12-01 7.2 kWh");
        page.ShouldContain("Complete: 2 part(s)");
        var owner = BrowserClient();
        await owner.SignInAsync(DemoSeeder.OwnerEmail, ChargePortalFactory.DemoPassword);
        (await (await owner.GetAsync("/operator/stations/CI-1/customer-information", Ct)).Content.ReadAsStringAsync(Ct)).ShouldNotContain("token 04A1B2C3 cached");
    }

    [Fact]
    public async Task Clear_by_customer_identifier_and_a_rejected_request_are_stored_with_the_stations_answer()
    {
        await using var cp = await BootAsync("CI-2");
        var api = factory.CreateApi();

        var clear = api.PostAsJsonAsync("/api/stations/CI-2/customer-information", new { report = false, clear = true, customerIdentifier = "cust-77" }, Ct);
        var call = await cp.ExpectCallAsync("CustomerInformation");
        ((string)call[3]!["customerIdentifier"]!).ShouldBe("cust-77");
        ((bool)call[3]!["clear"]!).ShouldBeTrue();
        ((bool)call[3]!["report"]!).ShouldBeFalse();
        call[3]!["idToken"].ShouldBeNull();
        await cp.RespondAsync(call, new JsonObject { ["status"] = "Accepted" });
        var requestId = (await ReadAsync(await clear)).GetProperty("requestId").GetInt32();
        await cp.CallOkAsync("NotifyCustomerInformation", Part(requestId, 0, false, "cleared"));
        (await ReportAsync(api, "CI-2", requestId, r => r.GetProperty("complete").GetBoolean())).GetProperty("data").GetString().ShouldBe("cleared");

        var certificate = new { hashAlgorithm = "SHA256", issuerNameHash = "aa11", issuerKeyHash = "bb22", serialNumber = "0c0ffee" };
        var rejected = api.PostAsJsonAsync("/api/stations/CI-2/customer-information", new { report = true, clear = true, customerCertificate = certificate }, Ct);
        var rejectedCall = await cp.ExpectCallAsync("CustomerInformation");
        ((string)rejectedCall[3]!["customerCertificate"]!["serialNumber"]!).ShouldBe("0c0ffee");
        ((string)rejectedCall[3]!["customerCertificate"]!["hashAlgorithm"]!).ShouldBe("SHA256");
        await cp.RespondAsync(rejectedCall, new JsonObject { ["status"] = "Rejected" });
        var answer = await ReadAsync(await rejected);
        answer.GetProperty("status").GetString().ShouldBe("Rejected");
        answer.GetProperty("detail").GetString()!.ShouldContain("cannot process");
        var stored = await ReportAsync(api, "CI-2", answer.GetProperty("requestId").GetInt32(), _ => true);
        stored.GetProperty("status").GetString().ShouldBe("Rejected");
        stored.GetProperty("customer").GetProperty("kind").GetString().ShouldBe("CustomerCertificate");
        stored.GetProperty("parts").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_bad_body_is_400_naming_each_problem_and_only_operators_may_ask()
    {
        await using var cp = await BootAsync("CI-BAD");
        var api = factory.CreateApi();

        var bad = await api.PostAsync("/api/stations/CI-BAD/customer-information", new StringContent(
            """{"report":false,"clear":false,"customerIdentifier":"a","idToken":{"idToken":"x"}}""", System.Text.Encoding.UTF8, "application/json"), Ct);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var text = await bad.Content.ReadAsStringAsync(Ct);
        text.ShouldContain("report and clear are both false");
        text.ShouldContain("idToken.type is required");
        text.ShouldContain("Name exactly one customer");
        var none = await api.PostAsJsonAsync("/api/stations/CI-BAD/customer-information", new { report = true, clear = false }, Ct);
        none.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await none.Content.ReadAsStringAsync(Ct)).ShouldContain("(got 0)");

        var owner = factory.CreateApi(await factory.ApiKeyForAsync(DemoSeeder.OwnerEmail));
        (await owner.PostAsJsonAsync("/api/stations/CI-BAD/customer-information", new { report = true, clear = false, customerIdentifier = "a" }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await owner.GetAsync("/api/stations/CI-BAD/customer-information", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var driver = factory.CreateApi(await factory.ApiKeyForAsync(DemoSeeder.DriverEmail));
        (await driver.GetAsync("/api/customer-data-clearances", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await api.PostAsJsonAsync("/api/stations/CI-NOBODY/customer-information", new { report = true, clear = false, customerIdentifier = "a" }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.GetAsync("/api/stations/CI-BAD/customer-information/424242", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await using var v16 = await RawOcppClient.ConnectAsync(factory.OcppUri, "CI-16", OcppTestData.V16);
        await v16.CallOkAsync("BootNotification", OcppTestData.Boot16());
        var old = await api.PostAsJsonAsync("/api/stations/CI-16/customer-information", new { report = true, clear = false, customerIdentifier = "a" }, Ct);
        old.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await old.Content.ReadAsStringAsync(Ct)).ShouldContain("OCPP 1.6, which has no customer information");

        // Nothing was sent to the 2.0.1 station by any refused request.
        var probe = api.PostAsJsonAsync("/api/stations/CI-BAD/commands/customer-information", new { report = true, clear = false, customerIdentifier = "probe" }, Ct);
        var probeCall = await cp.ExpectCallAsync("CustomerInformation");
        ((string)probeCall[3]!["customerIdentifier"]!).ShouldBe("probe");
        await cp.RespondAsync(probeCall, new JsonObject { ["status"] = "Invalid" });
        (await ReadAsync(await probe)).GetProperty("status").GetString().ShouldBe("Invalid");
    }

    private static JsonObject Part(int requestId, int seqNo, bool tbc, string data) => new()
    {
        ["requestId"] = requestId, ["seqNo"] = seqNo, ["tbc"] = tbc, ["generatedAt"] = "2026-12-07T09:00:00.000Z", ["data"] = data,
    };

    private HttpClient BrowserClient() =>
        factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = factory.BaseUri });

    private async Task<RawOcppClient> BootAsync(string stationId)
    {
        var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, stationId, OcppTestData.V201);
        await cp.CallOkAsync("BootNotification", OcppTestData.Boot201());
        return cp;
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static Task<JsonElement> ReportAsync(HttpClient api, string stationId, int requestId, Func<JsonElement, bool> until) =>
        OcppTestData.EventuallyAsync(async () =>
        {
            var response = await api.GetAsync($"/api/stations/{stationId}/customer-information/{requestId}", Ct);
            return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>(Ct) : default;
        }, r => r.ValueKind == JsonValueKind.Object && until(r));
}
