using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChargePortal.Web.Tests.Infrastructure;
using ChargePortal.Web.Tests.Ocpp;
using Org.BouncyCastle.Ocsp;

namespace ChargePortal.Web.Tests.PlugAndCharge;

/// <summary>
/// ISO 15118 Plug &amp; Charge end to end over real sockets against a PKI made in the run and an OCSP responder and
/// contract-certificate provider on 127.0.0.1: GetCertificateStatus (M06), Authorize with contract certificate hash
/// data or chain (C07) and Get15118EVCertificate (M01/M02).
/// </summary>
public sealed class PlugAndChargeTests(PlugAndChargeFactory factory) : IClassFixture<PlugAndChargeFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetCertificateStatus_of_a_good_SECC_certificate_is_Accepted_with_the_responders_answer()
    {
        var secc = factory.Pki.Secc("PNC-STATUS-GOOD");
        await using var cp = await ConnectAsync("PNC-STATUS-GOOD");

        var answer = await cp.CallOkAsync("GetCertificateStatus", new JsonObject { ["ocspRequestData"] = factory.Pki.HashData(secc, factory.Pki.V2gSubCa) });

        answer["status"]!.GetValue<string>().ShouldBe("Accepted");
        var single = SingleResponse(answer);
        single.GetCertStatus().ShouldBeNull(); // RFC 6960 "good"
        single.GetCertID().SerialNumber.ToString(16).ShouldBe(Iso15118Pki.Serial(secc));
    }

    [Fact]
    public async Task GetCertificateStatus_of_a_revoked_SECC_certificate_is_Accepted_and_the_answer_says_revoked()
    {
        var secc = factory.Pki.Secc("PNC-STATUS-REVOKED");
        factory.StandIn.Revoked[Iso15118Pki.Serial(secc)] = 0;
        await using var cp = await ConnectAsync("PNC-STATUS-REVOKED");

        var answer = await cp.CallOkAsync("GetCertificateStatus", new JsonObject { ["ocspRequestData"] = factory.Pki.HashData(secc, factory.Pki.V2gSubCa) });

        answer["status"]!.GetValue<string>().ShouldBe("Accepted");
        SingleResponse(answer).GetCertStatus().ShouldBeOfType<RevokedStatus>();
    }

    [Fact]
    public async Task GetCertificateStatus_is_served_from_the_cache_until_nextUpdate()
    {
        var secc = factory.Pki.Secc("PNC-STATUS-CACHED");
        await using var cp = await ConnectAsync("PNC-STATUS-CACHED");
        var request = new JsonObject { ["ocspRequestData"] = factory.Pki.HashData(secc, factory.Pki.V2gSubCa) };

        var first = await cp.CallOkAsync("GetCertificateStatus", request);
        var asked = factory.StandIn.OcspRequests;
        var second = await cp.CallOkAsync("GetCertificateStatus", request);

        factory.StandIn.OcspRequests.ShouldBe(asked);
        second["ocspResult"]!.GetValue<string>().ShouldBe(first["ocspResult"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetCertificateStatus_is_Failed_when_the_responder_cannot_be_reached_or_the_hash_data_is_not_hex()
    {
        var secc = factory.Pki.Secc("PNC-STATUS-FAILED");
        await using var cp = await ConnectAsync("PNC-STATUS-FAILED");
        var unreachable = factory.Pki.HashData(secc, factory.Pki.V2gSubCa);
        unreachable["responderURL"] = "http://127.0.0.1:1/ocsp";
        var notHex = factory.Pki.HashData(secc, factory.Pki.V2gSubCa);
        notHex["issuerKeyHash"] = new string('z', 64);

        var down = await cp.CallOkAsync("GetCertificateStatus", new JsonObject { ["ocspRequestData"] = unreachable });
        var malformed = await cp.CallOkAsync("GetCertificateStatus", new JsonObject { ["ocspRequestData"] = notHex });

        down["status"]!.GetValue<string>().ShouldBe("Failed");
        ((JsonObject)down).ContainsKey("ocspResult").ShouldBeFalse();
        malformed["status"]!.GetValue<string>().ShouldBe("Failed");
        malformed["statusInfo"]!["reasonCode"]!.GetValue<string>().ShouldBe("InvalidRequest");
    }

    [Fact]
    public async Task Authorize_with_the_hash_data_of_a_good_contract_is_Accepted()
    {
        const string emaid = "NL-EMS-C00000001-A";
        await RegisterTokenAsync(emaid);
        var contract = factory.Pki.Contract(emaid);
        await using var cp = await ConnectAsync("PNC-AUTH-GOOD");

        var answer = await cp.CallOkAsync("Authorize", AuthorizeWithHashData(emaid, contract));

        answer["certificateStatus"]!.GetValue<string>().ShouldBe("Accepted");
        answer["idTokenInfo"]!["status"]!.GetValue<string>().ShouldBe("Accepted");
    }

    [Fact]
    public async Task Authorize_with_the_hash_data_of_a_revoked_contract_is_CertificateRevoked_and_Invalid()
    {
        const string emaid = "NL-EMS-C00000002-B";
        await RegisterTokenAsync(emaid);
        var contract = factory.Pki.Contract(emaid);
        factory.StandIn.Revoked[Iso15118Pki.Serial(contract)] = 0;
        await using var cp = await ConnectAsync("PNC-AUTH-REVOKED");

        var answer = await cp.CallOkAsync("Authorize", AuthorizeWithHashData(emaid, contract));

        answer["certificateStatus"]!.GetValue<string>().ShouldBe("CertificateRevoked");
        answer["idTokenInfo"]!["status"]!.GetValue<string>().ShouldBe("Invalid");
    }

    [Fact]
    public async Task Authorize_of_a_valid_contract_whose_eMAID_has_no_token_is_ContractCancelled_under_the_Reject_policy()
    {
        const string emaid = "NL-EMS-C00000003-C";
        var contract = factory.Pki.Contract(emaid);
        await using var cp = await ConnectAsync("PNC-AUTH-UNKNOWN");

        var answer = await cp.CallOkAsync("Authorize", AuthorizeWithHashData(emaid, contract));

        answer["certificateStatus"]!.GetValue<string>().ShouldBe("ContractCancelled");
        answer["idTokenInfo"]!["status"]!.GetValue<string>().ShouldBe("Unknown");
        (await TokenExistsAsync(factory, emaid)).ShouldBeFalse();
    }

    [Fact]
    public async Task Authorize_with_a_contract_chain_is_verified_against_the_configured_contract_root_then_by_OCSP()
    {
        const string emaid = "NL-EMS-C00000004-D";
        await RegisterTokenAsync(emaid);
        var contract = factory.Pki.Contract(emaid);
        await using var cp = await ConnectAsync("PNC-AUTH-CHAIN");
        var asked = factory.StandIn.OcspRequests;

        var answer = await cp.CallOkAsync("Authorize", AuthorizeWithChain(emaid, Iso15118Pki.Pem(contract, factory.Pki.ContractSubCa.Certificate)));

        answer["certificateStatus"]!.GetValue<string>().ShouldBe("Accepted");
        answer["idTokenInfo"]!["status"]!.GetValue<string>().ShouldBe("Accepted");
        factory.StandIn.OcspRequests.ShouldBeGreaterThanOrEqualTo(asked + 1); // the contract certificate, and the sub-CA unless cached
    }

    [Fact]
    public async Task Authorize_with_a_chain_from_an_untrusted_root_is_CertChainError()
    {
        const string emaid = "NL-EMS-C00000005-E";
        await RegisterTokenAsync(emaid);
        using var otherPki = new Iso15118Pki(factory.StandIn.OcspUri);
        var contract = otherPki.Contract(emaid);
        await using var cp = await ConnectAsync("PNC-AUTH-UNTRUSTED");

        var answer = await cp.CallOkAsync("Authorize", AuthorizeWithChain(emaid, Iso15118Pki.Pem(contract, otherPki.ContractSubCa.Certificate)));

        answer["certificateStatus"]!.GetValue<string>().ShouldBe("CertChainError");
        answer["idTokenInfo"]!["status"]!.GetValue<string>().ShouldBe("Invalid");
    }

    [Fact]
    public async Task Authorize_with_an_expired_contract_is_CertificateExpired_and_Expired()
    {
        const string emaid = "NL-EMS-C00000006-F";
        await RegisterTokenAsync(emaid);
        var contract = factory.Pki.Contract(emaid, notAfter: DateTimeOffset.UtcNow.AddDays(-1));
        await using var cp = await ConnectAsync("PNC-AUTH-EXPIRED");

        var answer = await cp.CallOkAsync("Authorize", AuthorizeWithChain(emaid, Iso15118Pki.Pem(contract, factory.Pki.ContractSubCa.Certificate)));

        answer["certificateStatus"]!.GetValue<string>().ShouldBe("CertificateExpired");
        answer["idTokenInfo"]!["status"]!.GetValue<string>().ShouldBe("Expired");
    }

    [Fact]
    public async Task Authorize_with_another_eMAIDs_certificate_is_CertChainError()
    {
        await RegisterTokenAsync("NL-EMS-C00000007-G");
        var someoneElses = factory.Pki.Contract("NL-EMS-C00000099-Z");
        await using var cp = await ConnectAsync("PNC-AUTH-MISMATCH");

        var answer = await cp.CallOkAsync("Authorize",
            AuthorizeWithChain("NL-EMS-C00000007-G", Iso15118Pki.Pem(someoneElses, factory.Pki.ContractSubCa.Certificate)));

        answer["certificateStatus"]!.GetValue<string>().ShouldBe("CertChainError");
    }

    [Fact]
    public async Task Get15118EVCertificate_is_forwarded_to_the_provider_and_the_EXI_passes_through_untouched()
    {
        // Arbitrary bytes, as an EXI stream is: the CSMS must neither decode nor re-encode them.
        var exiRequest = Convert.ToBase64String([.. Enumerable.Range(0, 300).Select(i => (byte)(i * 37 % 256))]);
        await using var cp = await ConnectAsync("PNC-EV-CERT");

        var answer = await cp.CallOkAsync("Get15118EVCertificate", new JsonObject
        {
            ["iso15118SchemaVersion"] = "urn:iso:15118:2:2013:MsgDef",
            ["action"] = "Install",
            ["exiRequest"] = exiRequest,
        });

        answer["status"]!.GetValue<string>().ShouldBe("Accepted");
        answer["exiResponse"]!.GetValue<string>().ShouldBe(factory.StandIn.ExiResponse);
        var (body, authorization) = factory.StandIn.ProviderRequests.ShouldHaveSingleItem();
        body["exiRequest"]!.GetValue<string>().ShouldBe(exiRequest);
        body["stationId"]!.GetValue<string>().ShouldBe("PNC-EV-CERT");
        body["action"]!.GetValue<string>().ShouldBe("Install");
        body["iso15118SchemaVersion"]!.GetValue<string>().ShouldBe("urn:iso:15118:2:2013:MsgDef");
        authorization.ShouldBe($"Bearer {PlugAndChargeFactory.ProviderApiKey}");
    }

    internal static JsonObject AuthorizeWithHashData(string emaid, System.Security.Cryptography.X509Certificates.X509Certificate2 contract, Iso15118Pki pki) => new()
    {
        ["idToken"] = new JsonObject { ["idToken"] = emaid, ["type"] = "eMAID" },
        ["iso15118CertificateHashData"] = new JsonArray(pki.HashData(contract, pki.ContractSubCa),
            pki.HashData(pki.ContractSubCa.Certificate, pki.ContractRoot)),
    };

    internal static JsonObject AuthorizeWithChain(string emaid, string pem) => new()
    {
        ["idToken"] = new JsonObject { ["idToken"] = emaid, ["type"] = "eMAID" },
        ["certificate"] = pem,
    };

    private JsonObject AuthorizeWithHashData(string emaid, System.Security.Cryptography.X509Certificates.X509Certificate2 contract) =>
        AuthorizeWithHashData(emaid, contract, factory.Pki);

    private static SingleResp SingleResponse(JsonObject answer)
    {
        var response = new OcspResp(Convert.FromBase64String(answer["ocspResult"]!.GetValue<string>()));
        response.Status.ShouldBe(OcspRespStatus.Successful);
        return ((BasicOcspResp)response.GetResponseObject()).Responses.ShouldHaveSingleItem();
    }

    internal static async Task<bool> TokenExistsAsync(KestrelChargePortalFactory host, string idTag)
    {
        var tokens = await host.CreateApi().GetFromJsonAsync<JsonArray>("/api/tokens", Ct);
        return tokens!.Any(t => t!["idTag"]!.GetValue<string>() == idTag);
    }

    private async Task RegisterTokenAsync(string emaid) =>
        (await factory.CreateApi().PostAsJsonAsync("/api/tokens", new { idTag = emaid, status = "Accepted" }, Ct)).EnsureSuccessStatusCode();

    private async Task<RawOcppClient> ConnectAsync(string stationId)
    {
        var cp = await RawOcppClient.ConnectAsync(factory.OcppUri, stationId, OcppTestData.V201);
        await cp.CallOkAsync("BootNotification", OcppTestData.Boot201());
        return cp;
    }
}
