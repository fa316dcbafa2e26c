using System.Text.Json.Nodes;
using ChargePortal.Web.Tests.Infrastructure;
using ChargePortal.Web.Tests.Ocpp;

namespace ChargePortal.Web.Tests.PlugAndCharge;

/// <summary>Without a contract-certificate provider, Get15118EVCertificate is answered Failed (M01/M02 cannot be served).</summary>
public sealed class PlugAndChargeWithoutProviderTests(KestrelChargePortalFactory factory) : IClassFixture<KestrelChargePortalFactory>
{
    [Fact]
    public async Task Get15118EVCertificate_is_Failed_when_no_provider_is_configured()
    {
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, "PNC-NO-PROVIDER", OcppTestData.V201);
        await cp.CallOkAsync("BootNotification", OcppTestData.Boot201());

        var answer = await cp.CallOkAsync("Get15118EVCertificate", new JsonObject
        {
            ["iso15118SchemaVersion"] = "urn:iso:15118:2:2013:MsgDef",
            ["action"] = "Update",
            ["exiRequest"] = Convert.ToBase64String([1, 2, 3, 4]),
        });

        answer["status"]!.GetValue<string>().ShouldBe("Failed");
        answer["exiResponse"]!.GetValue<string>().ShouldBe("");
        answer["statusInfo"]!["additionalInfo"]!.GetValue<string>().ShouldContain("No contract-certificate provider");
    }
}

/// <summary>PlugAndCharge:UnknownContractPolicy=Create: a valid contract brings its eMAID's token into being; a revoked one does not.</summary>
public sealed class PlugAndChargeContractCreationTests(CreatingPlugAndChargeFactory factory) : IClassFixture<CreatingPlugAndChargeFactory>
{
    [Fact]
    public async Task A_valid_contract_without_a_token_creates_an_Accepted_token_for_its_eMAID()
    {
        const string emaid = "DE-8EO-C10000001-1";
        var contract = factory.Pki.Contract(emaid);
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, "PNC-CREATE", OcppTestData.V201);
        await cp.CallOkAsync("BootNotification", OcppTestData.Boot201());

        var answer = await cp.CallOkAsync("Authorize", PlugAndChargeTests.AuthorizeWithHashData(emaid, contract, factory.Pki));

        answer["certificateStatus"]!.GetValue<string>().ShouldBe("Accepted");
        answer["idTokenInfo"]!["status"]!.GetValue<string>().ShouldBe("Accepted");
        (await PlugAndChargeTests.TokenExistsAsync(factory, emaid)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_revoked_contract_creates_no_token()
    {
        const string emaid = "DE-8EO-C10000002-2";
        var contract = factory.Pki.Contract(emaid);
        factory.StandIn.Revoked[Iso15118Pki.Serial(contract)] = 0;
        await using var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, "PNC-CREATE-REVOKED", OcppTestData.V201);
        await cp.CallOkAsync("BootNotification", OcppTestData.Boot201());

        var answer = await cp.CallOkAsync("Authorize", PlugAndChargeTests.AuthorizeWithHashData(emaid, contract, factory.Pki));

        answer["certificateStatus"]!.GetValue<string>().ShouldBe("CertificateRevoked");
        (await PlugAndChargeTests.TokenExistsAsync(factory, emaid)).ShouldBeFalse();
    }
}
