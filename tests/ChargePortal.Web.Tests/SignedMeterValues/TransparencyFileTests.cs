using System.Xml.Linq;
using ChargePortal.Web.Transactions.Signing;

namespace ChargePortal.Web.Tests.SignedMeterValues;

/// <summary>The transparency file: the XML container the S.A.F.E. transparency software reads (values/value/signedData/publicKey).</summary>
public sealed class TransparencyFileTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Each_reading_is_a_value_with_its_OCMF_string_in_plain_and_the_printed_hex_key()
    {
        using var meter = new OcmfSamples();
        var begin = meter.Reading("B", 1.000m, T0, "CARD-1");
        var end = meter.Reading("E", 7.500m, T0.AddMinutes(40), "CARD-1");

        var xml = TransparencyFile.Write(42,
        [
            new TransparencyValue("Transaction.Begin", new SignedReading(OcmfSamples.Base64(begin), "", "OCMF", meter.WhitepaperPublicKey), meter.WhitepaperPublicKey),
            new TransparencyValue("Transaction.End", new SignedReading(end, null, null, null), meter.WhitepaperPublicKey),
        ]);

        xml.ShouldStartWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        var values = XDocument.Parse(xml).Root!;
        values.Name.LocalName.ShouldBe("values");
        var list = values.Elements("value").ToList();
        list.Count.ShouldBe(2);
        list.Select(v => (string?)v.Attribute("transactionId")).ShouldAllBe(id => id == "42");
        list.Select(v => (string?)v.Attribute("context")).ShouldBe(["Transaction.Begin", "Transaction.End"]);
        foreach (var (value, ocmf) in list.Zip([begin, end]))
        {
            var signed = value.Element("signedData")!;
            ((string?)signed.Attribute("format")).ShouldBe("OCMF");
            ((string?)signed.Attribute("encoding")).ShouldBe("plain");
            signed.Value.ShouldBe(ocmf, "the exact characters that were signed, base64 or not on the wire");
            var key = value.Element("publicKey")!;
            ((string?)key.Attribute("encoding")).ShouldBe("hex");
            key.Value.ShouldBe(meter.PrintedKeyHex);
            OcmfSamples.Verifies(signed.Value, key.Value).ShouldBeTrue("the file verifies with the meter's key");
        }
    }

    [Fact]
    public void A_tampered_reading_no_longer_verifies_with_the_key_in_the_file()
    {
        using var meter = new OcmfSamples();
        var xml = TransparencyFile.Write(7, [new TransparencyValue(null, new SignedReading(meter.Reading("E", 5m, T0, "C"), "", "OCMF", null), meter.WhitepaperPublicKey)]);
        var value = XDocument.Parse(xml).Root!.Element("value")!;
        value.Attribute("context").ShouldBeNull();
        OcmfSamples.Verifies(value.Element("signedData")!.Value.Replace("\"RV\":5.000", "\"RV\":4.000", StringComparison.Ordinal), value.Element("publicKey")!.Value).ShouldBeFalse();
    }

    [Theory]
    [InlineData("3059301306072A8648CE3D0201", "hex", "3059301306072A8648CE3D0201")]
    [InlineData("MFkwEwYHKoZIzj0CAQ==", "base64", "MFkwEwYHKoZIzj0CAQ==")]
    [InlineData("b2NhOmJhc2UxNjphc24xOjMwIDU5IDMw", "hex", "305930")] // oca:base16:asn1:30 59 30 (a spaced printed key)
    [InlineData("b2NhOmJhc2U2NDphc24xOk1Ga3dFd1lI", "base64", "MFkwEwYH")] // oca:base64:asn1:MFkwEwYH
    public void Public_keys_are_written_in_an_encoding_the_software_reads(string reported, string encoding, string written)
    {
        TransparencyFile.PublicKeyOf(reported).ShouldBe((encoding, written));
    }

    [Fact]
    public void A_reading_without_any_key_has_no_publicKey_and_other_formats_keep_their_data()
    {
        var xml = TransparencyFile.Write(3, [new TransparencyValue("Transaction.End", new SignedReading("AQIDBAUG", "", "EDL", ""), null)]);
        var value = XDocument.Parse(xml).Root!.Element("value")!;
        value.Element("publicKey").ShouldBeNull("the driver takes the key from the meter's label");
        var signed = value.Element("signedData")!;
        ((string?)signed.Attribute("format")).ShouldBe("EDL_40_P");
        ((string?)signed.Attribute("encoding")).ShouldBe("base64");
        signed.Value.ShouldBe("AQIDBAUG");
    }

    [Fact]
    public void Version_16_values_are_read_in_the_whitepaper_form_and_the_legacy_plain_form()
    {
        var whitepaper = SignedReadingParser.FromV16Value("{\"signedMeterData\":\"T0NNRnx7fXx7fQ==\",\"signingMethod\":\"\",\"encodingMethod\":\"OCMF\",\"publicKey\":\"\"}")!;
        whitepaper.ShouldBe(new SignedReading("T0NNRnx7fXx7fQ==", "", "OCMF", ""));
        whitepaper.PublicKeyOrNull.ShouldBeNull();
        SignedReadingParser.FromV16Value("OCMF|{}|{}").ShouldBe(new SignedReading("OCMF|{}|{}", null, "OCMF", null));
        SignedReadingParser.FromV16Value("  ").ShouldBeNull();
        StationMeterKeys.V16ConfigurationConnector("MeterPublicKey2").ShouldBe(2);
        StationMeterKeys.V16ConfigurationConnector("MeterPublicKey").ShouldBeNull();
        StationMeterKeys.V16ConfigurationConnector("MeterValueSampleInterval").ShouldBeNull();
    }
}
