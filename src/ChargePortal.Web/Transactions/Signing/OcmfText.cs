using System.Text;

namespace ChargePortal.Web.Transactions.Signing;

/// <summary>OCMF (Open Charge Metering Format) as text: <c>OCMF|{payload}|{signature}</c>.</summary>
public static class OcmfText
{
    public const string Format = "OCMF";
    private const string Header = "OCMF|";

    public static bool IsOcmf(string? text) => text is not null && text.TrimStart().StartsWith(Header, StringComparison.Ordinal);

    /// <summary>
    /// The OCMF string of a signed value: OCPP carries signedMeterData base64-encoded (2.0.1, whitepaper), legacy 1.6
    /// stations send it plain. Null when the data is not OCMF.
    /// </summary>
    public static string? Decode(string signedMeterData)
    {
        if (IsOcmf(signedMeterData))
        {
            return signedMeterData.Trim();
        }

        var buffer = new byte[signedMeterData.Length];
        if (!Convert.TryFromBase64String(signedMeterData.Trim(), buffer, out var written))
        {
            return null;
        }

        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer, 0, written);
            return IsOcmf(text) ? text.Trim() : null;
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
