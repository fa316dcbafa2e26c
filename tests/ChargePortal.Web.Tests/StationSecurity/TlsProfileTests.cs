using System.Net;
using System.Net.Http.Json;
using ChargePortal.Web.Tests.Infrastructure;
using ChargePortal.Web.Tests.Ocpp;

namespace ChargePortal.Web.Tests.StationSecurity;

/// <summary>
/// Security profiles 2 and 3 with real TLS handshakes against Kestrel (certificates made in the test run): profile 2 is
/// Basic auth over TLS and refuses plain ws://; profile 3 is a client certificate whose CN is the station id, issued by
/// the configured CA and not on its revocation list.
/// </summary>
public sealed class TlsProfileTests(TlsChargePortalFactory factory) : IClassFixture<TlsChargePortalFactory>
{
    private const string Password = "tls-station-password";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Profile_2_accepts_the_right_password_over_TLS_and_refuses_plain_ws()
    {
        (await factory.CreateApi().PostAsJsonAsync("/api/stations", new { id = "TLS-P2", securityProfile = 2, password = Password }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        await using (var cp = await RawOcppClient.ConnectAsync(factory.TlsOcppUri, "TLS-P2", OcppTestData.V201, Password, factory.Tls()))
        {
            cp.SubProtocol.ShouldBe("ocpp2.0.1");
            (await cp.CallOkAsync("BootNotification", OcppTestData.Boot201()))["status"]!.GetValue<string>().ShouldBe("Accepted");
        }

        (await RawOcppClient.RefusedStatusAsync(factory.TlsOcppUri, "TLS-P2", "ocpp2.0.1", "wrong-password-over-tls", factory.Tls())).ShouldBe(HttpStatusCode.Unauthorized);
        (await RawOcppClient.RefusedStatusAsync(factory.PlainOcppUri, "TLS-P2", "ocpp2.0.1", Password)).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Profile_3_accepts_the_stations_certificate_and_refuses_others_self_signed_revoked_and_none()
    {
        (await factory.CreateApi().PostAsJsonAsync("/api/stations", new { id = "TLS-P3", securityProfile = 3 }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        using var own = TestPki.Issue(factory.Authority, "TLS-P3");
        using var another = TestPki.Issue(factory.Authority, "TLS-P3-OTHER");
        using var selfSigned = TestPki.SelfSigned("TLS-P3");
        using var revoked = TestPki.Issue(factory.Authority, "TLS-P3", serial: factory.RevokedSerial);

        await using (var cp = await RawOcppClient.ConnectAsync(factory.TlsOcppUri, "TLS-P3", OcppTestData.V16, configure: factory.Tls(own)))
        {
            (await cp.CallOkAsync("BootNotification", OcppTestData.Boot16()))["status"]!.GetValue<string>().ShouldBe("Accepted");
        }

        (await RawOcppClient.RefusedStatusAsync(factory.TlsOcppUri, "TLS-P3", "ocpp1.6", configure: factory.Tls(another))).ShouldBe(HttpStatusCode.Unauthorized);
        (await RawOcppClient.RefusedStatusAsync(factory.TlsOcppUri, "TLS-P3", "ocpp1.6", configure: factory.Tls(selfSigned))).ShouldBe(HttpStatusCode.Unauthorized);
        (await RawOcppClient.RefusedStatusAsync(factory.TlsOcppUri, "TLS-P3", "ocpp1.6", configure: factory.Tls(revoked))).ShouldBe(HttpStatusCode.Unauthorized);
        (await RawOcppClient.RefusedStatusAsync(factory.TlsOcppUri, "TLS-P3", "ocpp1.6", configure: factory.Tls())).ShouldBe(HttpStatusCode.Unauthorized);
        (await RawOcppClient.RefusedStatusAsync(factory.PlainOcppUri, "TLS-P3", "ocpp1.6")).ShouldBe(HttpStatusCode.Unauthorized);
    }
}
