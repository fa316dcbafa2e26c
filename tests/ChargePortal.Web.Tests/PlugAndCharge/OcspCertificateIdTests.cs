using ChargePortal.Ocpp.V201;
using ChargePortal.Web.PlugAndCharge;

namespace ChargePortal.Web.Tests.PlugAndCharge;

/// <summary>The OCSP CertID the CSMS builds from a station's OCSPRequestData, and what it refuses to build one from.</summary>
public sealed class OcspCertificateIdTests
{
    private static readonly string NameHash = new('a', 64);
    private static readonly string KeyHash = new('B', 64);

    [Fact]
    public void Hash_data_becomes_the_CertID_a_response_echoes()
    {
        var id = OcspCertificateId.From(Data(HashAlgorithmEnum.SHA256, NameHash, KeyHash, "00A1b2"), out var problem)!;

        problem.ShouldBeNull();
        id.SerialNumber.ShouldBe("a1b2"); // OCPP writes serials in lower-case hex without leading zeros
        id.IssuerKeyHash.ShouldBe(KeyHash.ToLowerInvariant());
        var certId = id.ToCertId();
        certId.HashAlgorithm.Algorithm.Id.ShouldBe("2.16.840.1.101.3.4.2.1");
        certId.SerialNumber.Value.IntValue.ShouldBe(0xa1b2);
        id.Matches(certId).ShouldBeTrue();
        OcspCertificateId.From(Data(HashAlgorithmEnum.SHA256, NameHash, KeyHash, "a1b3"), out _)!.Matches(certId).ShouldBeFalse();
    }

    [Theory]
    [InlineData(HashAlgorithmEnum.SHA256, 63, 64, "01", "issuerNameHash")]
    [InlineData(HashAlgorithmEnum.SHA384, 64, 64, "01", "issuerNameHash")]
    [InlineData(HashAlgorithmEnum.SHA256, 64, 62, "01", "issuerKeyHash")]
    [InlineData(HashAlgorithmEnum.SHA256, 64, 64, "0x01", "serialNumber")]
    [InlineData(HashAlgorithmEnum.SHA256, 64, 64, "", "serialNumber")]
    public void Hash_data_of_the_wrong_length_or_not_hex_is_refused_naming_the_field(HashAlgorithmEnum algorithm, int nameLength, int keyLength, string serial, string field)
    {
        OcspCertificateId.From(Data(algorithm, new string('a', nameLength), new string('b', keyLength), serial), out var problem).ShouldBeNull();
        problem!.ShouldStartWith(field);
    }

    [Fact]
    public void A_non_hex_hash_is_refused()
    {
        OcspCertificateId.From(Data(HashAlgorithmEnum.SHA256, new string('z', 64), KeyHash, "01"), out var problem).ShouldBeNull();
        problem!.ShouldStartWith("issuerNameHash");
    }

    private static OCSPRequestData Data(HashAlgorithmEnum algorithm, string nameHash, string keyHash, string serial) => new()
    {
        HashAlgorithm = algorithm,
        IssuerNameHash = nameHash,
        IssuerKeyHash = keyHash,
        SerialNumber = serial,
        ResponderURL = "http://127.0.0.1/ocsp",
    };
}
