using System.Globalization;
using System.Text;
using System.Xml;

namespace ChargePortal.Web.Transactions.Signing;

/// <summary>One signed value of a session as the transparency file lists it; <paramref name="PublicKey"/> as OCPP carried it.</summary>
public sealed record TransparencyValue(string? Context, SignedReading Signed, string? PublicKey);

/// <summary>
/// Writes the XML container the S.A.F.E. e.V. transparency software (Transparenzsoftware) opens: <c>&lt;values&gt;</c>
/// with one <c>&lt;value transactionId context&gt;</c> per signed reading, holding its <c>&lt;signedData format
/// encoding&gt;</c> and the meter's <c>&lt;publicKey encoding&gt;</c>. OCMF is written as its plain string (the
/// software verifies the exact characters, so no whitespace is added around it); other formats as the station sent them.
/// </summary>
public static class TransparencyFile
{
    public const string ContentType = "application/xml";

    private const string WhitepaperKeyMarker = "oca:";

    public static string FileName(long sessionId) => $"session-{sessionId.ToString(CultureInfo.InvariantCulture)}-signed-meter-values.xml";

    /// <param name="sessionId">The dataset number the software shows (an integer): the portal's session id.</param>
    /// <param name="values">The session's signed readings in time order.</param>
    public static string Write(long sessionId, IReadOnlyList<TransparencyValue> values)
    {
        var builder = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), OmitXmlDeclaration = true };
        using (var xml = XmlWriter.Create(builder, settings))
        {
            xml.WriteStartElement("values");
            foreach (var value in values)
            {
                xml.WriteStartElement("value");
                xml.WriteAttributeString("transactionId", sessionId.ToString(CultureInfo.InvariantCulture));
                if (!string.IsNullOrEmpty(value.Context))
                {
                    xml.WriteAttributeString("context", value.Context);
                }

                var (format, encoding, data) = SignedDataOf(value.Signed);
                xml.WriteStartElement("signedData");
                if (format is not null)
                {
                    xml.WriteAttributeString("format", format);
                }

                xml.WriteAttributeString("encoding", encoding);
                xml.WriteString(data);
                xml.WriteEndElement();

                if (PublicKeyOf(value.PublicKey) is { } key)
                {
                    xml.WriteStartElement("publicKey");
                    xml.WriteAttributeString("encoding", key.Encoding);
                    xml.WriteString(key.Value);
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + builder.ToString() + "\n";
    }

    /// <summary>The software's format name (its VerificationType), its encoding name, and the data to write.</summary>
    internal static (string? Format, string Encoding, string Data) SignedDataOf(SignedReading signed)
    {
        if (OcmfText.Decode(signed.SignedMeterData) is { } ocmf)
        {
            return (OcmfText.Format, "plain", ocmf);
        }

        var data = signed.SignedMeterData.Trim();
        var format = signed.EncodingMethod?.Trim().ToUpperInvariant() switch
        {
            "OCMF" => OcmfText.Format,
            "EDL" => "EDL_40_P",
            "ALFEN" => "ALFEN",
            "PCDF" => "PCDF",

            // Unknown to us: the software recognises the format from the data itself.
            _ => null,
        };
        return (format, IsHex(data) ? "hex" : IsBase64(data) ? "base64" : "plain", data);
    }

    /// <summary>
    /// The key in an encoding the software reads: the whitepaper's base64 of <c>oca:base16:asn1:HEX</c> becomes the
    /// printed hex key (or base64 key); a bare base64 or hex key is passed on. Null when there is no key.
    /// </summary>
    internal static (string Encoding, string Value)? PublicKeyOf(string? publicKey)
    {
        if (string.IsNullOrWhiteSpace(publicKey))
        {
            return null;
        }

        var key = publicKey.Trim();
        if (IsHex(key))
        {
            return ("hex", key);
        }

        if (!IsBase64(key))
        {
            return ("plain", key);
        }

        var decoded = Convert.FromBase64String(key);
        var text = Encoding.ASCII.GetString(decoded);
        if (text.StartsWith(WhitepaperKeyMarker, StringComparison.OrdinalIgnoreCase))
        {
            // <marker>:<encoding>:<content-type>:<printed key> (whitepaper 3.2.2); the printed key may be spaced.
            var parts = text.Split(':', 4);
            if (parts.Length == 4)
            {
                var printed = parts[3];
                return parts[1].Trim().ToLowerInvariant() switch
                {
                    "base16" => ("hex", new string([.. printed.Replace("0x", "", StringComparison.OrdinalIgnoreCase).Where(Uri.IsHexDigit)])),
                    "base64" => ("base64", new string([.. printed.Where(c => !char.IsWhiteSpace(c))])),
                    _ => ("plain", printed.Trim()),
                };
            }
        }

        return ("base64", key);
    }

    private static bool IsHex(string text) => text.Length > 0 && text.Length % 2 == 0 && text.All(Uri.IsHexDigit);

    private static bool IsBase64(string text) => text.Length > 0 && Convert.TryFromBase64String(text, new byte[text.Length], out _);
}
