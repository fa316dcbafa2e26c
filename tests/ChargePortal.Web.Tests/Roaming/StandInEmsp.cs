using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChargePortal.Web.Tests.Roaming;

/// <summary>One request the CPO sent to the stand-in eMSP.</summary>
public sealed record EmspRequest(string Method, string Path, string? Token, JsonNode? Body, IReadOnlyDictionary<string, string> Headers, bool WhileDown);

/// <summary>
/// A small eMSP of its own for the tests: an OCPI 2.2.1 platform on 127.0.0.1 with versions, credentials (so the CPO can
/// register with it), receivers for locations/tariffs/sessions/CDRs/command results, and a tokens sender that answers
/// real-time authorizations. It records what the CPO sent, and can be taken "down" (503 on module endpoints).
/// </summary>
public sealed class StandInEmsp : IAsyncDisposable
{
    public const string CountryCode = "NL";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, byte> _acceptedTokens = new();

    private StandInEmsp(WebApplication app, string partyId) => (_app, PartyId) = (app, partyId);

    public string PartyId { get; }

    public Uri BaseUri { get; private set; } = null!;

    public string VersionsUrl => new Uri(BaseUri, "ocpi/versions").AbsoluteUri;

    public string ModuleUrl(string module) => new Uri(BaseUri, $"ocpi/emsp/2.2.1/{module}").AbsoluteUri;

    public ConcurrentQueue<EmspRequest> Received { get; } = new();

    /// <summary>Module endpoints answer 503 while true (versions and credentials keep working).</summary>
    public bool Down { get; set; }

    /// <summary>The token the eMSP calls the CPO with (C after an eMSP-initiated registration, B after a CPO-initiated one).</summary>
    public string? TokenForCpo { get; private set; }

    /// <summary>The answer to a real-time authorization by uid; null means "unknown token" (2004).</summary>
    public Func<string, JsonObject?> Authorize { get; set; } = _ => null;

    public static async Task<StandInEmsp> StartAsync(string partyId = "EMS")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var emsp = new StandInEmsp(builder.Build(), partyId);
        emsp.Map();
        await emsp._app.StartAsync();
        emsp.BaseUri = new Uri(emsp._app.Urls.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal) + "/");
        return emsp;
    }

    /// <summary>A token the CPO may use to call this eMSP (token A for a CPO-initiated registration).</summary>
    public string IssueToken()
    {
        var token = "emsp-" + Guid.NewGuid().ToString("N");
        _acceptedTokens[token] = 0;
        return token;
    }

    public static string Encode(string token) => Convert.ToBase64String(Encoding.UTF8.GetBytes(token));

    /// <summary>An HTTP client for the CPO's OCPI interface with the given token, base64-encoded as 2.2.1 requires.</summary>
    public static HttpClient CpoClient(Uri cpoBase, string token, bool plain = false)
    {
        var client = new HttpClient { BaseAddress = cpoBase };
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Token " + (plain ? token : Encode(token)));
        return client;
    }

    /// <summary>eMSP-initiated registration with the token A and versions URL the CPO's operator handed over.</summary>
    public async Task<JsonObject> RegisterWithCpoAsync(string cpoVersionsUrl, string tokenA, HttpMethod? method = null, string? currentToken = null)
    {
        using var client = new HttpClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Token " + Encode(currentToken ?? tokenA));
        var versions = (await client.GetFromJsonAsync<JsonObject>(cpoVersionsUrl))!;
        var detailsUrl = (string)versions["data"]!.AsArray().First(v => (string?)v!["version"] == "2.2.1")!["url"]!;
        var details = (await client.GetFromJsonAsync<JsonObject>(detailsUrl))!;
        var credentialsUrl = (string)details["data"]!["endpoints"]!.AsArray().First(e => (string?)e!["identifier"] == "credentials")!["url"]!;
        var tokenB = IssueToken();
        var request = new HttpRequestMessage(method ?? HttpMethod.Post, credentialsUrl) { Content = JsonContent.Create(Credentials(tokenB)) };
        var response = await client.SendAsync(request);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        if (response.IsSuccessStatusCode && (int?)body["status_code"] == 1000)
        {
            TokenForCpo = (string)body["data"]!["token"]!;
        }

        body["http_status"] = (int)response.StatusCode;
        return body;
    }

    /// <summary>Waits until the CPO sent a request matching <paramref name="match"/>.</summary>
    public async Task<EmspRequest> WaitForAsync(Func<EmspRequest, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < deadline)
        {
            if (Received.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException("The CPO did not send the expected request. Received: " +
            string.Join(" | ", Received.Select(r => $"{r.Method} {r.Path}")));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private JsonObject Credentials(string token) => new()
    {
        ["token"] = token,
        ["url"] = VersionsUrl,
        ["roles"] = new JsonArray(new JsonObject
        {
            ["role"] = "EMSP",
            ["party_id"] = PartyId,
            ["country_code"] = CountryCode,
            ["business_details"] = new JsonObject { ["name"] = "Stand-in eMSP" },
        }),
    };

    private void Map()
    {
        _app.MapGet("/ocpi/versions", (HttpContext http) => Authorized(http)
            ? Ok(new JsonArray(new JsonObject { ["version"] = "2.2.1", ["url"] = new Uri(BaseUri, "ocpi/2.2.1").AbsoluteUri }))
            : Unauthorized());
        _app.MapGet("/ocpi/2.2.1", (HttpContext http) => Authorized(http) ? Ok(Details()) : Unauthorized());
        _app.MapMethods("/ocpi/2.2.1/credentials", ["POST", "PUT", "DELETE"], (Delegate)CredentialsAsync);
        _app.Map("/ocpi/emsp/2.2.1/{**rest}", ModuleAsync);
    }

    private JsonObject Details()
    {
        var endpoints = new JsonArray(new JsonObject { ["identifier"] = "credentials", ["role"] = "SENDER", ["url"] = new Uri(BaseUri, "ocpi/2.2.1/credentials").AbsoluteUri });
        foreach (var (module, role) in new[] { ("locations", "RECEIVER"), ("tariffs", "RECEIVER"), ("sessions", "RECEIVER"), ("cdrs", "RECEIVER"), ("tokens", "SENDER"), ("commands", "SENDER") })
        {
            endpoints.Add(new JsonObject { ["identifier"] = module, ["role"] = role, ["url"] = ModuleUrl(module) });
        }

        return new JsonObject { ["version"] = "2.2.1", ["endpoints"] = endpoints };
    }

    /// <summary>The CPO registers with us (CPO-initiated): we read its versions with its token and answer with ours.</summary>
    private async Task<IResult> CredentialsAsync(HttpContext http)
    {
        if (!Authorized(http))
        {
            return Unauthorized();
        }

        var body = await Record(http);
        if (http.Request.Method == "DELETE")
        {
            return Ok(null);
        }

        var theirs = body!.AsObject();
        TokenForCpo = (string)theirs["token"]!;
        using var client = CpoClient(new Uri((string)theirs["url"]!), TokenForCpo);
        var versions = await client.GetAsync((string)theirs["url"]!);
        if (!versions.IsSuccessStatusCode)
        {
            return Results.Json(new JsonObject { ["status_code"] = 3001, ["status_message"] = "cannot read the CPO's versions", ["timestamp"] = Now() }, statusCode: 400);
        }

        var tokenC = IssueToken();
        return Ok(Credentials(tokenC));
    }

    private async Task<IResult> ModuleAsync(HttpContext http, string rest)
    {
        if (!Authorized(http))
        {
            return Unauthorized();
        }

        await Record(http);
        if (Down)
        {
            return Results.Json(new JsonObject { ["status_code"] = 3000, ["status_message"] = "down for maintenance", ["timestamp"] = Now() }, statusCode: 503);
        }

        if (rest.StartsWith("tokens/", StringComparison.Ordinal) && rest.EndsWith("/authorize", StringComparison.Ordinal))
        {
            var uid = Uri.UnescapeDataString(rest["tokens/".Length..^"/authorize".Length]);
            return Authorize(uid) is { } info
                ? Ok(info)
                : Results.Json(new JsonObject { ["status_code"] = 2004, ["status_message"] = "unknown token", ["timestamp"] = Now() }, statusCode: 404);
        }

        return Ok(null);
    }

    private async Task<JsonNode?> Record(HttpContext http)
    {
        JsonNode? body = null;
        if (http.Request.ContentLength is > 0 || http.Request.Headers.ContainsKey("Transfer-Encoding"))
        {
            body = await JsonNode.ParseAsync(http.Request.Body);
        }

        var headers = http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        Received.Enqueue(new EmspRequest(http.Request.Method, http.Request.Path + http.Request.QueryString, TokenOf(http), body, headers, Down));
        return body;
    }

    private bool Authorized(HttpContext http) => TokenOf(http) is { } token && _acceptedTokens.ContainsKey(token);

    private static string? TokenOf(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Token ", StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(header["Token ".Length..]));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static IResult Ok(JsonNode? data) =>
        Results.Json(new JsonObject { ["data"] = data, ["status_code"] = 1000, ["status_message"] = "Success", ["timestamp"] = Now() });

    private static IResult Unauthorized() =>
        Results.Json(new JsonObject { ["status_code"] = 2000, ["status_message"] = "unknown token", ["timestamp"] = Now() }, statusCode: 401);

    private static string Now() => DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
