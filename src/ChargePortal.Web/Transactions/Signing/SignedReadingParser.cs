using System.Text.Json;

namespace ChargePortal.Web.Transactions.Signing;

/// <summary>Reads the value of a 1.6 SampledValue whose format is SignedData.</summary>
public static class SignedReadingParser
{
    /// <summary>
    /// The whitepaper's form (3.2.1: the value is a SignedMeterValueType as JSON text), or what stations sent before
    /// it: the signed data itself (an OCMF string, or the meter's own encoding). Null for an empty value.
    /// </summary>
    public static SignedReading? FromV16Value(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        if (trimmed.StartsWith('{') && TryReadJson(trimmed) is { } reading)
        {
            return reading;
        }

        return new SignedReading(value, null, OcmfText.IsOcmf(value) ? OcmfText.Format : null, null);
    }

    private static SignedReading? TryReadJson(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Text(root, "signedMeterData") is not { Length: > 0 } data)
            {
                return null;
            }

            return new SignedReading(data, Text(root, "signingMethod"), Text(root, "encodingMethod"), Text(root, "publicKey"));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String ? property.GetString() : null;
}
