using System.Text.Json;

namespace ChargePortal.Web.Roaming.Ocpi;

/// <summary>Collects what is wrong with an inbound OCPI object, for one 2001 answer naming every problem.</summary>
public sealed class OcpiChecks
{
    private readonly List<string> _errors = [];

    public string? Error => _errors.Count == 0 ? null : string.Join(" ", _errors);

    public OcpiChecks Required(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            _errors.Add($"{field} is required.");
        }
        else
        {
            Optional(field, value, maxLength);
        }

        return this;
    }

    public OcpiChecks Optional(string field, string? value, int maxLength)
    {
        if (value is not null && value.Length > maxLength)
        {
            _errors.Add($"{field} is longer than {maxLength} characters.");
        }

        return this;
    }

    public OcpiChecks OneOf(string field, string? value, IReadOnlySet<string> allowed)
    {
        if (value is null || !allowed.Contains(value))
        {
            _errors.Add($"{field} must be one of {string.Join(", ", allowed.Order(StringComparer.Ordinal))}.");
        }

        return this;
    }

    public OcpiChecks CountryCode(string field, string? value) =>
        That(value is { Length: 2 } && value.All(char.IsAsciiLetter), $"{field} must be an ISO-3166 alpha-2 country code.");

    public OcpiChecks PartyId(string field, string? value) =>
        That(value is { Length: 3 } && value.All(char.IsAsciiLetterOrDigit), $"{field} must be 3 letters or digits.");

    public OcpiChecks AbsoluteUrl(string field, string? value) =>
        That(Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp),
            $"{field} must be an absolute http(s) URL.");

    public OcpiChecks That(bool condition, string message)
    {
        if (!condition)
        {
            _errors.Add(message);
        }

        return this;
    }
}

/// <summary>Reads an OCPI request body; a body that does not parse or lacks required fields is described, not thrown.</summary>
public static class OcpiBody
{
    public static async Task<(T? Value, string? Error)> ReadAsync<T>(HttpRequest request, CancellationToken ct)
        where T : class
    {
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, OcpiJson.Options, ct);
            return value is null ? (null, "The request body is empty.") : (value, null);
        }
        catch (JsonException e)
        {
            return (null, $"The request body is not a valid {typeof(T).Name.Replace("Ocpi", "", StringComparison.Ordinal)} object: {e.Message}");
        }
    }
}
