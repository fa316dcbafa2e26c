using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace ChargePortal.Web.Roaming.Ocpi;

/// <summary>The answer of a partner: HTTP status, the envelope's status code and message, and its data.</summary>
public sealed record OcpiReply(int HttpStatus, int? StatusCode, string? StatusMessage, JsonElement? Data, string? Location)
{
    public bool Succeeded => HttpStatus is >= 200 and < 300 && StatusCode is { } code && OcpiStatus.IsSuccess(code);

    public string Describe() => $"HTTP {HttpStatus}, OCPI {StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}: {StatusMessage}";
}

/// <summary>Who a request goes to: the token to present and the party to name in the routing headers.</summary>
public sealed record OcpiTarget(string Token, string? CountryCode, string? PartyId);

/// <summary>
/// Calls another OCPI platform: the token base64-encoded in <c>Authorization: Token …</c>, a fresh X-Request-ID and
/// X-Correlation-ID, OCPI-from/to routing headers; reads the envelope. A failure to connect or a body that is not an
/// envelope throws <see cref="OcpiCallException"/>.
/// </summary>
public sealed class OcpiClient(HttpClient http, IOptions<RoamingOptions> options)
{
    public const string HttpClientName = "ocpi";

    public async Task<OcpiReply> SendAsync(HttpMethod method, Uri url, OcpiTarget target, object? body, CancellationToken ct, string? correlationId = null)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", OcpiTokens.Encode(target.Token));
        request.Headers.Add("X-Request-ID", Guid.NewGuid().ToString());
        request.Headers.Add("X-Correlation-ID", correlationId ?? Guid.NewGuid().ToString());
        request.Headers.Add("OCPI-from-country-code", options.Value.CountryCode);
        request.Headers.Add("OCPI-from-party-id", options.Value.PartyId);
        if (target.CountryCode is not null && target.PartyId is not null)
        {
            request.Headers.Add("OCPI-to-country-code", target.CountryCode);
            request.Headers.Add("OCPI-to-party-id", target.PartyId);
        }

        if (body is not null)
        {
            var json = body as string ?? JsonSerializer.Serialize(body, OcpiJson.Options);
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.RequestTimeoutSeconds));
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, timeout.Token);
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            throw new OcpiCallException($"{method} {url} failed: {(e is OperationCanceledException ? "no answer in time" : e.Message)}", e);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            var location = response.Headers.Location?.ToString();
            try
            {
                using var doc = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
                var root = doc.RootElement;
                int? code = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("status_code", out var c) && c.TryGetInt32(out var n) ? n : null;
                string? message = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("status_message", out var m) ? m.ToString() : null;
                JsonElement? data = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("data", out var d) ? d.Clone() : null;
                return new OcpiReply((int)response.StatusCode, code, message, data, location);
            }
            catch (JsonException)
            {
                return new OcpiReply((int)response.StatusCode, null, $"not an OCPI response: {Truncate(text)}", null, location);
            }
        }
    }

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200] + "…";
}

public sealed class OcpiCallException(string message, Exception inner) : Exception(message, inner);
