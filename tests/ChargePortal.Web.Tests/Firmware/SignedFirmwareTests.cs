using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChargePortal.Web.Operators.Firmware;
using ChargePortal.Web.Tests.Infrastructure;
using ChargePortal.Web.Tests.Ocpp;
using Microsoft.Extensions.DependencyInjection;

namespace ChargePortal.Web.Tests.Firmware;

/// <summary>
/// Signed firmware over real sockets (2.0.1 L01, 1.6 Security Whitepaper): the CSMS signs the image it is asked to
/// install with its firmware signing certificate (or sends the operator's signature), 2.0.1 UpdateFirmware and 1.6
/// SignedUpdateFirmware carry certificate and signature, and failures (InvalidSignature, InstallVerificationFailed, a
/// refused certificate) land on the firmware timeline and raise an alert.
/// </summary>
public sealed class SignedFirmwareTests(SignedFirmwareFactory factory) : IClassFixture<SignedFirmwareFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_201_UpdateFirmware_carries_the_CSMS_signing_certificate_and_a_signature_over_the_image_and_InvalidSignature_is_alerted()
    {
        const string id = "FW-SIGNED-201";
        await using var cp = await ConnectAsync(id, OcppTestData.V201, OcppTestData.Boot201());

        var sending = UpdateFirmwareAsync(id, new JsonObject { ["location"] = factory.ImageUri.AbsoluteUri, ["retrieveAt"] = OcppTestData.Iso(DateTimeOffset.UtcNow) });
        var call = await cp.ExpectCallAsync("UpdateFirmware");
        var firmware = call[3]!["firmware"]!;
        VerifiesImage(firmware["signingCertificate"]!.GetValue<string>(), firmware["signature"]!.GetValue<string>()).ShouldBeTrue();
        var requestId = call[3]!["requestId"]!.GetValue<int>();
        await cp.RespondAsync(call, new JsonObject { ["status"] = "Accepted" });
        (await sending).GetProperty("status").GetString().ShouldBe("Accepted");

        await cp.CallOkAsync("FirmwareStatusNotification", new JsonObject { ["status"] = "Downloaded", ["requestId"] = requestId });
        await cp.CallOkAsync("FirmwareStatusNotification", new JsonObject { ["status"] = "InvalidSignature", ["requestId"] = requestId });

        var update = await LatestUpdateAsync(id, timelineCount: 2);
        update.Timeline.Select(e => e.Status).ShouldBe(["Downloaded", "InvalidSignature"]);
        update.SignedBy!.ShouldContain("ChargePortal Development Firmware Signing");
        (await FirmwareAlertsAsync(id)).ShouldHaveSingleItem().GetProperty("message").GetString()!.ShouldContain("InvalidSignature");
    }

    [Fact]
    public async Task A_16_station_gets_SignedUpdateFirmware_with_the_operators_signature_and_its_SignedFirmwareStatusNotifications_are_stored()
    {
        const string id = "FW-SIGNED-16";
        var (certificate, signature) = OperatorSignature();
        await using var cp = await ConnectAsync(id, OcppTestData.V16, OcppTestData.Boot16());

        var sending = UpdateFirmwareAsync(id, new JsonObject
        {
            ["location"] = "ftp://vendor.example/fw-3.0.bin", // the CSMS cannot fetch this one: the operator signed it
            ["retrieveAt"] = OcppTestData.Iso(DateTimeOffset.UtcNow),
            ["retries"] = 2,
            ["signature"] = signature,
            ["signingCertificate"] = certificate,
        });
        var call = await cp.ExpectCallAsync("SignedUpdateFirmware");
        call[3]!["firmware"]!["signature"]!.GetValue<string>().ShouldBe(signature);
        call[3]!["firmware"]!["signingCertificate"]!.GetValue<string>().ShouldBe(certificate);
        call[3]!["retries"]!.GetValue<int>().ShouldBe(2);
        var requestId = call[3]!["requestId"]!.GetValue<int>();
        await cp.RespondAsync(call, new JsonObject { ["status"] = "Accepted" });
        (await sending).GetProperty("status").GetString().ShouldBe("Accepted");

        foreach (var status in new[] { "Downloading", "Downloaded", "SignatureVerified", "InstallVerificationFailed" })
        {
            (await cp.CallOkAsync("SignedFirmwareStatusNotification", new JsonObject { ["status"] = status, ["requestId"] = requestId })).Count.ShouldBe(0);
        }

        var update = await LatestUpdateAsync(id, timelineCount: 4);
        update.Timeline.Select(e => e.Status).ShouldBe(["Downloading", "Downloaded", "SignatureVerified", "InstallVerificationFailed"]);
        update.Location.ShouldBe("ftp://vendor.example/fw-3.0.bin");
        (await FirmwareAlertsAsync(id)).ShouldHaveSingleItem().GetProperty("message").GetString()!.ShouldContain("InstallVerificationFailed");
    }

    [Fact]
    public async Task A_signing_certificate_the_station_refuses_is_the_answer_on_the_timeline_and_alerted()
    {
        const string id = "FW-CERT-REFUSED";
        await using var cp = await ConnectAsync(id, OcppTestData.V16, OcppTestData.Boot16());

        var sending = UpdateFirmwareAsync(id, new JsonObject { ["location"] = factory.ImageUri.AbsoluteUri, ["retrieveAt"] = OcppTestData.Iso(DateTimeOffset.UtcNow) });
        var call = await cp.ExpectCallAsync("SignedUpdateFirmware");
        await cp.RespondAsync(call, new JsonObject { ["status"] = "InvalidCertificate" });

        (await sending).GetProperty("status").GetString().ShouldBe("InvalidCertificate");
        (await LatestUpdateAsync(id, timelineCount: 0)).Answer.ShouldBe("InvalidCertificate");
        (await FirmwareAlertsAsync(id)).ShouldHaveSingleItem().GetProperty("message").GetString()!.ShouldContain("InvalidCertificate");
    }

    [Theory]
    [InlineData("signature", "not base64 !!", "signature must be the image's signature in base64")]
    [InlineData("signingCertificate", "-----BEGIN CERTIFICATE-----\nbm9wZQ==\n-----END CERTIFICATE-----", "signingCertificate must be a PEM X.509 certificate")]
    public async Task Bad_signing_input_is_a_400_naming_the_field_and_sends_nothing(string field, string value, string message)
    {
        var id = $"FW-BAD-{field.Length}";
        await using var cp = await ConnectAsync(id, OcppTestData.V201, OcppTestData.Boot201());
        var body = new JsonObject
        {
            ["location"] = factory.ImageUri.AbsoluteUri,
            ["retrieveAt"] = OcppTestData.Iso(DateTimeOffset.UtcNow),
            ["signature"] = Convert.ToBase64String([1, 2, 3]),
        };
        body[field] = value;

        var response = await factory.CreateApi().PostAsJsonAsync($"/api/stations/{id}/commands/update-firmware", body, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain(message);
        await cp.CallOkAsync("Heartbeat", new JsonObject()); // the next frame answers the station's own call: nothing was sent
        (await factory.Services.GetRequiredService<FirmwareService>().ListAsync(id, Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_image_the_CSMS_cannot_download_to_sign_is_a_400_and_sends_nothing()
    {
        const string id = "FW-NO-IMAGE";
        await using var cp = await ConnectAsync(id, OcppTestData.V201, OcppTestData.Boot201());
        var missing = new Uri(factory.ImageUri, "/images/no-such.bin").AbsoluteUri;

        var response = await factory.CreateApi().PostAsJsonAsync($"/api/stations/{id}/commands/update-firmware",
            new { location = missing, retrieveAt = DateTimeOffset.UtcNow }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("HTTP 404");
        await cp.CallOkAsync("Heartbeat", new JsonObject());
    }

    private bool VerifiesImage(string certificatePem, string signature)
    {
        using var certificate = X509Certificate2.CreateFromPem(certificatePem);
        using var key = certificate.GetECDsaPublicKey()!;
        return key.VerifyData(factory.Image, Convert.FromBase64String(signature), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    }

    /// <summary>A manufacturer's own signing certificate and its signature over some image, as an operator would paste them.</summary>
    private static (string Certificate, string Signature) OperatorSignature()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Vendor Firmware Signing, O=Vendor", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var signature = key.SignData([9, 8, 7, 6], HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
        return (certificate.ExportCertificatePem(), Convert.ToBase64String(signature));
    }

    private async Task<JsonElement> UpdateFirmwareAsync(string id, JsonObject body)
    {
        var response = await factory.CreateApi().PostAsJsonAsync($"/api/stations/{id}/commands/update-firmware", body, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private async Task<FirmwareUpdateView> LatestUpdateAsync(string id, int timelineCount)
    {
        var updates = await OcppTestData.EventuallyAsync(() => factory.Services.GetRequiredService<FirmwareService>().ListAsync(id, Ct),
            u => u.Count == 1 && u[0].Timeline.Count == timelineCount);
        return updates.ShouldHaveSingleItem();
    }

    private async Task<JsonElement[]> FirmwareAlertsAsync(string id) =>
        await OcppTestData.EventuallyAsync(async () =>
        {
            var alerts = await factory.CreateApi().GetFromJsonAsync<JsonElement>($"/api/alerts?stationId={id}&open=true", Ct);
            return alerts.EnumerateArray().Where(a => a.GetProperty("kind").GetString() == "FirmwareFailed").ToArray();
        }, a => a.Length > 0);

    private async Task<RawOcppClient> ConnectAsync(string id, string[] version, JsonObject boot)
    {
        var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, id, version);
        await cp.CallOkAsync("BootNotification", boot);
        return cp;
    }
}
