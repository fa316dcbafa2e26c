using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChargePortal.Web.StationSecurity.Certificates;
using ChargePortal.Web.Tests.Infrastructure;
using ChargePortal.Web.Tests.Ocpp;
using Microsoft.Extensions.DependencyInjection;

namespace ChargePortal.Web.Tests.StationSecurity;

/// <summary>
/// GET/POST/DELETE /api/stations/{id}/certificates over real sockets: install a root (M05), refresh the inventory from
/// GetInstalledCertificateIds (M03; 1.6 one type per call), delete by hash data (M04), and the expiry alert of a
/// certificate the CSMS issued.
/// </summary>
public sealed class CertificateInventoryTests(StationCaChargePortalFactory factory) : IClassFixture<StationCaChargePortalFactory>
{
    private const string Password = "inventory-password-01";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_201_station_gets_a_root_installed_listed_with_its_details_refreshed_and_one_deleted()
    {
        const string id = "INV-201";
        await RegisterAsync(id);
        var api = factory.CreateApi();
        using var root = TestPki.CreateAuthority("Inventory CSMS Root");
        var rootHash = StationCertificateStore.HashOf(root, root);
        await using var cp = await RawOcppClient.ConnectAsync(factory.TlsOcppUri, id, OcppTestData.V201, Password, factory.Tls());
        await cp.CallOkAsync("BootNotification", OcppTestData.Boot201());

        // Install.
        var install = api.PostAsJsonAsync($"/api/stations/{id}/certificates", new { certificateType = "CSMSRootCertificate", certificate = root.ExportCertificatePem() }, Ct);
        var installCall = await cp.ExpectCallAsync("InstallCertificate");
        installCall[3]!["certificateType"]!.GetValue<string>().ShouldBe("CSMSRootCertificate");
        await cp.RespondAsync(installCall, new JsonObject { ["status"] = "Accepted" });
        (await install).StatusCode.ShouldBe(HttpStatusCode.OK);

        var listed = (await api.GetFromJsonAsync<JsonElement>($"/api/stations/{id}/certificates", Ct)).EnumerateArray().ShouldHaveSingleItem();
        listed.GetProperty("type").GetString().ShouldBe("CSMSRootCertificate");
        listed.GetProperty("source").GetString().ShouldBe("Reported");
        listed.GetProperty("subject").GetString()!.ShouldContain("Inventory CSMS Root");
        listed.GetProperty("serial").GetString().ShouldBe(rootHash.SerialNumber);
        listed.GetProperty("notAfter").GetDateTimeOffset().ShouldBe(new DateTimeOffset(root.NotAfter.ToUniversalTime()), TimeSpan.FromSeconds(1));
        listed.GetProperty("hashData").GetProperty("issuerNameHash").GetString().ShouldBe(rootHash.IssuerNameHash);

        // Refresh: the station lists the root (details kept, matched by hash) and a manufacturer root the CSMS never saw.
        var refresh = api.PostAsync($"/api/stations/{id}/certificates/refresh", null, Ct);
        var listCall = await cp.ExpectCallAsync("GetInstalledCertificateIds");
        ((JsonObject)listCall[3]!).ContainsKey("certificateType").ShouldBeFalse();
        await cp.RespondAsync(listCall, new JsonObject
        {
            ["status"] = "Accepted",
            ["certificateHashDataChain"] = new JsonArray(
                Chain("CSMSRootCertificate", rootHash.IssuerNameHash, rootHash.IssuerKeyHash, rootHash.SerialNumber.ToUpperInvariant()),
                Chain("ManufacturerRootCertificate", "aa11", "bb22", "0A0B")),
        });
        var refreshed = await (await refresh).Content.ReadFromJsonAsync<JsonElement>(Ct);
        refreshed.GetArrayLength().ShouldBe(2);
        var csmsRoot = refreshed.EnumerateArray().Single(c => c.GetProperty("type").GetString() == "CSMSRootCertificate");
        csmsRoot.GetProperty("subject").GetString()!.ShouldContain("Inventory CSMS Root");
        var manufacturer = refreshed.EnumerateArray().Single(c => c.GetProperty("type").GetString() == "ManufacturerRootCertificate");
        manufacturer.GetProperty("subject").ValueKind.ShouldBe(JsonValueKind.Null);
        manufacturer.GetProperty("serial").GetString().ShouldBe("a0b");

        // Delete the manufacturer root by its hash data.
        var delete = api.DeleteAsync($"/api/stations/{id}/certificates/{manufacturer.GetProperty("id").GetInt64()}", Ct);
        var deleteCall = await cp.ExpectCallAsync("DeleteCertificate");
        deleteCall[3]!["certificateHashData"]!["issuerNameHash"]!.GetValue<string>().ShouldBe("aa11");
        deleteCall[3]!["certificateHashData"]!["serialNumber"]!.GetValue<string>().ShouldBe("a0b");
        await cp.RespondAsync(deleteCall, new JsonObject { ["status"] = "Accepted" });
        (await delete).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.GetFromJsonAsync<JsonElement>($"/api/stations/{id}/certificates", Ct)).EnumerateArray()
            .Select(c => c.GetProperty("type").GetString()).ShouldBe(["CSMSRootCertificate"]);

        // Bad input changes nothing and says why.
        (await api.DeleteAsync($"/api/stations/{id}/certificates/999999", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var bad = await api.PostAsJsonAsync($"/api/stations/{id}/certificates", new { certificateType = "CSMSRootCertificate", certificate = "not PEM" }, Ct);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync(Ct)).ShouldContain("certificate must be PEM");
        (await api.GetAsync("/api/stations/NO-SUCH-STATION/certificates", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_16_station_is_asked_one_certificate_type_per_call_and_NotFound_lists_none()
    {
        const string id = "INV-16";
        await RegisterAsync(id);
        await using var cp = await RawOcppClient.ConnectAsync(factory.TlsOcppUri, id, OcppTestData.V16, Password, factory.Tls());
        await cp.CallOkAsync("BootNotification", OcppTestData.Boot16());

        var refresh = factory.CreateApi().PostAsync($"/api/stations/{id}/certificates/refresh", null, Ct);
        var first = await cp.ExpectCallAsync("GetInstalledCertificateIds");
        first[3]!["certificateType"]!.GetValue<string>().ShouldBe("CentralSystemRootCertificate");
        await cp.RespondAsync(first, new JsonObject { ["status"] = "NotFound" });
        var second = await cp.ExpectCallAsync("GetInstalledCertificateIds");
        second[3]!["certificateType"]!.GetValue<string>().ShouldBe("ManufacturerRootCertificate");
        await cp.RespondAsync(second, new JsonObject
        {
            ["status"] = "Accepted",
            ["certificateHashData"] = new JsonArray(Hash("cc33", "dd44", "7f")),
        });

        var listed = (await (await refresh).Content.ReadFromJsonAsync<JsonElement>(Ct)).EnumerateArray().ShouldHaveSingleItem();
        listed.GetProperty("type").GetString().ShouldBe("ManufacturerRootCertificate");
        listed.GetProperty("hashData").GetProperty("issuerKeyHash").GetString().ShouldBe("dd44");
    }

    [Fact]
    public async Task A_certificate_the_CSMS_issued_that_expires_within_the_warning_days_raises_an_alert()
    {
        const string id = "INV-EXP";
        await RegisterAsync(id);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await using (var cp = await RawOcppClient.ConnectAsync(factory.TlsOcppUri, id, OcppTestData.V201, Password, factory.Tls()))
        {
            await cp.CallOkAsync("BootNotification", OcppTestData.Boot201());
            await cp.CallOkAsync("SignCertificate", new JsonObject { ["csr"] = CertificateSigningTests.Csr(key, $"CN={id}, O={StationCaChargePortalFactory.Organization}") });
            var signed = await cp.ExpectCallAsync("CertificateSigned");
            await cp.RespondAsync(signed, new JsonObject { ["status"] = "Accepted" });
        }

        // Issued for 20 days with a 30-day warning (StationCaChargePortalFactory): due for renewal at once.
        var expiry = factory.Services.GetRequiredService<CertificateExpiryAlerts>();
        JsonElement alert = default;
        for (var attempt = 0; attempt < 50 && alert.ValueKind == JsonValueKind.Undefined; attempt++)
        {
            await expiry.CheckAsync(Ct);
            var alerts = await factory.CreateApi().GetFromJsonAsync<JsonElement>($"/api/alerts?stationId={id}&open=true", Ct);
            alert = alerts.EnumerateArray().FirstOrDefault(a => a.GetProperty("kind").GetString() == "CertificateExpiring");
            await Task.Delay(100, Ct);
        }

        alert.ValueKind.ShouldBe(JsonValueKind.Object);
        alert.GetProperty("message").GetString()!.ShouldContain("ChargingStationCertificate");
        alert.GetProperty("message").GetString()!.ShouldContain("expires at");
    }

    private static JsonObject Chain(string type, string nameHash, string keyHash, string serial) => new()
    {
        ["certificateType"] = type,
        ["certificateHashData"] = Hash(nameHash, keyHash, serial),
    };

    private static JsonObject Hash(string nameHash, string keyHash, string serial) => new()
    {
        ["hashAlgorithm"] = "SHA256",
        ["issuerNameHash"] = nameHash,
        ["issuerKeyHash"] = keyHash,
        ["serialNumber"] = serial,
    };

    private async Task RegisterAsync(string id) =>
        (await factory.CreateApi().PostAsJsonAsync("/api/stations", new { id, securityProfile = 2, password = Password }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
}
