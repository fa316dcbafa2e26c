using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChargePortal.Web.Data;
using ChargePortal.Web.StationSecurity.Certificates;
using ChargePortal.Web.Tests.Infrastructure;
using ChargePortal.Web.Tests.Ocpp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChargePortal.Web.Tests.StationSecurity;

/// <summary>
/// The CSMS's station CA over real sockets (2.0.1 A02/A03, 1.6 Security Whitepaper): a valid CSR is Accepted, signed
/// after the answer and delivered with CertificateSigned; the station then connects on profile 3 with the new
/// certificate. Renewal is asked for from the API (2.0.1 TriggerMessage, 1.6 ExtendedTriggerMessage). A CSR for another
/// station, another organisation or with a weak key is Rejected, recorded as a security event and alerted.
/// </summary>
public sealed class CertificateSigningTests(StationCaChargePortalFactory factory) : IClassFixture<StationCaChargePortalFactory>
{
    private const string Password = "ca-station-password-01";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_201_CSR_is_signed_delivered_with_CertificateSigned_and_the_station_reconnects_with_it_on_profile_3()
    {
        const string id = "CA-201";
        await RegisterAsync(id);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        string chain;
        await using (var cp = await RawOcppClient.ConnectAsync(factory.TlsOcppUri, id, OcppTestData.V201, Password, factory.Tls()))
        {
            await cp.CallOkAsync("BootNotification", OcppTestData.Boot201());
            var answer = await cp.CallOkAsync("SignCertificate", new JsonObject
            {
                ["csr"] = Csr(key, $"CN={id}, O={StationCaChargePortalFactory.Organization}"),
                ["certificateType"] = "ChargingStationCertificate",
            });
            answer["status"]!.GetValue<string>().ShouldBe("Accepted");

            var signed = await cp.ExpectCallAsync("CertificateSigned");
            signed[3]!["certificateType"]!.GetValue<string>().ShouldBe("ChargingStationCertificate");
            chain = signed[3]!["certificateChain"]!.GetValue<string>();
            await cp.RespondAsync(signed, new JsonObject { ["status"] = "Accepted" });
        }

        using var leaf = X509Certificate2.CreateFromPem(chain);
        leaf.GetNameInfo(X509NameType.SimpleName, false).ShouldBe(id);
        leaf.Subject.ShouldContain($"O={StationCaChargePortalFactory.Organization}");
        TestPki.IsIssuedBy(leaf, factory.StationCa).ShouldBeTrue();
        leaf.GetECDsaPublicKey()!.ExportSubjectPublicKeyInfo().ShouldBe(key.ExportSubjectPublicKeyInfo());
        leaf.NotAfter.ShouldBeLessThan(DateTime.UtcNow.AddDays(21));
        leaf.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority.ShouldBeFalse();

        var stored = await WaitForIssuedAsync(id, "Accepted");
        stored.SerialNumber.ShouldBe(StationCertificateStore.NormalizeSerial(leaf.SerialNumber));

        // Moved up to profile 3: the certificate the CSMS issued opens the connection, the password no longer does.
        (await factory.CreateApi().PatchAsJsonAsync($"/api/stations/{id}", new { securityProfile = 3 }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var withKey = leaf.CopyWithPrivateKey(key);
        using var clientCertificate = X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
        await using (var cp = await RawOcppClient.ConnectAsync(factory.TlsOcppUri, id, OcppTestData.V201, configure: factory.Tls(clientCertificate)))
        {
            (await cp.CallOkAsync("BootNotification", OcppTestData.Boot201()))["status"]!.GetValue<string>().ShouldBe("Accepted");
        }

        (await RawOcppClient.RefusedStatusAsync(factory.TlsOcppUri, id, "ocpp2.0.1", Password, factory.Tls())).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_16_station_asked_to_renew_through_ExtendedTriggerMessage_gets_its_certificate_signed()
    {
        const string id = "CA-16";
        await RegisterAsync(id);
        using var key = RSA.Create(2048);
        await using var cp = await RawOcppClient.ConnectAsync(factory.TlsOcppUri, id, OcppTestData.V16, Password, factory.Tls());
        await cp.CallOkAsync("BootNotification", OcppTestData.Boot16());

        var renewal = factory.CreateApi().PostAsync($"/api/stations/{id}/certificates/renew", null, Ct);
        var trigger = await cp.ExpectCallAsync("ExtendedTriggerMessage");
        trigger[3]!["requestedMessage"]!.GetValue<string>().ShouldBe("SignChargePointCertificate");
        await cp.RespondAsync(trigger, new JsonObject { ["status"] = "Accepted" });
        var renewed = await renewal;
        renewed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await renewed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString().ShouldBe("Accepted");

        (await cp.CallOkAsync("SignCertificate", new JsonObject { ["csr"] = Csr(key, $"CN={id}, O={StationCaChargePortalFactory.Organization}") }))
            ["status"]!.GetValue<string>().ShouldBe("Accepted");
        var signed = await cp.ExpectCallAsync("CertificateSigned");
        ((JsonObject)signed[3]!).ContainsKey("certificateType").ShouldBeFalse(); // 1.6 has no such field
        using var leaf = X509Certificate2.CreateFromPem(signed[3]!["certificateChain"]!.GetValue<string>());
        TestPki.IsIssuedBy(leaf, factory.StationCa).ShouldBeTrue();
        leaf.GetRSAPublicKey()!.ExportSubjectPublicKeyInfo().ShouldBe(key.ExportSubjectPublicKeyInfo());
        await cp.RespondAsync(signed, new JsonObject { ["status"] = "Rejected" });

        (await WaitForIssuedAsync(id, "Rejected")).CertificateType.ShouldBe("ChargingStationCertificate");
    }

    [Theory]
    [InlineData("ANOTHER-STATION", StationCaChargePortalFactory.Organization, 256, "CN must be the station id")]
    [InlineData("CA-BAD", "Someone Else", 256, "O must be the operator's organisation name")]
    [InlineData("CA-BAD", StationCaChargePortalFactory.Organization, 1024, "at least 2048")]
    [InlineData("CA-BAD", StationCaChargePortalFactory.Organization, 0, "not a PEM PKCS#10 request")]
    public async Task An_invalid_CSR_is_rejected_recorded_as_a_security_event_and_alerted(string commonName, string organization, int keyBits, string reason)
    {
        var id = $"CA-BAD-{keyBits}-{organization.Length}-{commonName.Length}";
        await RegisterAsync(id);
        string csr;
        if (keyBits == 0)
        {
            csr = "-----BEGIN CERTIFICATE REQUEST-----\nbm90IGEgY3Ny\n-----END CERTIFICATE REQUEST-----";
        }
        else if (keyBits == 1024)
        {
            using var weak = RSA.Create(1024);
            csr = Csr(weak, $"CN={id}, O={organization}");
        }
        else
        {
            using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            csr = Csr(ec, $"CN={(commonName == "CA-BAD" ? id : commonName)}, O={organization}");
        }

        await using (var cp = await RawOcppClient.ConnectAsync(factory.TlsOcppUri, id, OcppTestData.V201, Password, factory.Tls()))
        {
            await cp.CallOkAsync("BootNotification", OcppTestData.Boot201());
            (await cp.CallOkAsync("SignCertificate", new JsonObject { ["csr"] = csr }))["status"]!.GetValue<string>().ShouldBe("Rejected");

            // The next frame the station sees answers its own call: no CertificateSigned was sent.
            await cp.CallOkAsync("Heartbeat", new JsonObject());
        }

        var api = factory.CreateApi();
        var events = await api.GetFromJsonAsync<JsonElement>($"/api/stations/{id}/security-events", Ct);
        var recorded = events.EnumerateArray().ShouldHaveSingleItem();
        recorded.GetProperty("type").GetString().ShouldBe(StationCertificateSigning.RejectedCsrEvent);
        recorded.GetProperty("techInfo").GetString()!.ShouldContain(reason);

        var alerts = await api.GetFromJsonAsync<JsonElement>($"/api/alerts?stationId={id}&open=true", Ct);
        alerts.EnumerateArray().ShouldContain(a => a.GetProperty("kind").GetString() == "SecurityEvent");

        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        (await db.StationCertificates.CountAsync(c => c.StationId == id, Ct)).ShouldBe(0);
    }

    internal static string Csr(AsymmetricAlgorithm key, string subject)
    {
        var request = key switch
        {
            ECDsa ec => new CertificateRequest(subject, ec, HashAlgorithmName.SHA256),
            RSA rsa => new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
            _ => throw new ArgumentOutOfRangeException(nameof(key)),
        };
        return request.CreateSigningRequestPem();
    }

    private async Task RegisterAsync(string id) =>
        (await factory.CreateApi().PostAsJsonAsync("/api/stations", new { id, securityProfile = 2, password = Password }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);

    private async Task<StationCertificate> WaitForIssuedAsync(string id, string deliveryStatus)
    {
        var dbFactory = factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(Ct);
            var issued = await db.StationCertificates.AsNoTracking()
                .FirstOrDefaultAsync(c => c.StationId == id && c.Source == StationCertificateSource.Issued && c.DeliveryStatus == deliveryStatus, Ct);
            if (issued is not null)
            {
                return issued;
            }

            await Task.Delay(100, Ct);
        }

        throw new TimeoutException($"No issued certificate of {id} with delivery status {deliveryStatus}.");
    }
}
