using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Text.Json.Nodes;
using ChargePortal.Web.PlugAndCharge;
using ChargePortal.Web.Tests.Infrastructure;
using ChargePortal.Web.Tests.Ocpp;

namespace ChargePortal.Web.Tests.PlugAndCharge;

/// <summary>
/// The station names the OCSP responder (GetCertificateStatus, Authorize hash data): the CSMS asks only public
/// addresses, or hosts the operator listed, so a station cannot point it at the operator's own network.
/// </summary>
public sealed class OcspResponderAddressTests(UnlistedResponderPlugAndChargeFactory factory) : IClassFixture<UnlistedResponderPlugAndChargeFactory>
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.1.2.3")]
    [InlineData("172.20.0.1")]
    [InlineData("192.168.1.10")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("::1")]
    [InlineData("fd00::1")]
    [InlineData("fe80::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.0.0.1")]
    public void Loopback_private_link_local_and_shared_addresses_are_not_public(string address) =>
        OcspResponderAddresses.IsPublic(IPAddress.Parse(address)).ShouldBeFalse();

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("93.184.216.34")]
    [InlineData("2001:4860:4860::8888")]
    [InlineData("::ffff:8.8.8.8")]
    public void Internet_addresses_are_public(string address) =>
        OcspResponderAddresses.IsPublic(IPAddress.Parse(address)).ShouldBeTrue();

    [Fact]
    public async Task A_responder_on_an_unlisted_loopback_host_is_not_asked_and_the_station_gets_Failed()
    {
        var secc = factory.Pki.Secc("PNC-SSRF-LOOPBACK");
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, "PNC-SSRF-LOOPBACK", OcppTestData.V201);
        await cp.CallOkAsync("BootNotification", OcppTestData.Boot201());
        var asked = factory.StandIn.OcspRequests;

        var answer = await cp.CallOkAsync("GetCertificateStatus", new JsonObject { ["ocspRequestData"] = factory.Pki.HashData(secc, factory.Pki.V2gSubCa) });

        answer["status"]!.GetValue<string>().ShouldBe("Failed");
        answer["statusInfo"]!["reasonCode"]!.GetValue<string>().ShouldBe("OcspFailed");
        answer["statusInfo"]!["additionalInfo"]!.GetValue<string>().ShouldContain("PlugAndCharge:OcspResponderHosts");
        factory.StandIn.OcspRequests.ShouldBe(asked);
    }

    [Theory]
    [InlineData("http://ocsp.example.com/")]
    [InlineData("ocsp.example.com/path")]
    [InlineData("ocsp.example.com:8080")]
    public void A_listed_host_with_a_scheme_port_or_path_is_refused_at_start(string host)
    {
        var options = new PlugAndChargeOptions();
        options.OcspResponderHosts.Add(host);

        var results = options.Validate(new ValidationContext(options)).ToList();

        results.ShouldHaveSingleItem().MemberNames.ShouldBe([nameof(PlugAndChargeOptions.OcspResponderHosts)]);
    }
}
