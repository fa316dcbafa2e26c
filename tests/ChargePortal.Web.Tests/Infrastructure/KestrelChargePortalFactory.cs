using System.Net;
using Microsoft.AspNetCore.Hosting;

namespace ChargePortal.Web.Tests.Infrastructure;

/// <summary>The host on a real Kestrel socket on 127.0.0.1, so stations connect over real WebSockets.</summary>
public class KestrelChargePortalFactory : ChargePortalFactory
{
    private Uri? _baseUri;

    public Uri BaseUri => _baseUri ??= Start();

    public Uri OcppUri => new($"ws://{BaseUri.Authority}/ocpp/");

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Ocpp:CallTimeoutSeconds"] = "10", // generous: a loaded CI machine must not turn a slow answer into a 504
    };

    public HttpClient CreateApi(string? apiKey = null)
    {
        var client = new HttpClient { BaseAddress = BaseUri };
        client.DefaultRequestHeaders.Authorization = new("Bearer", apiKey ?? DevelopmentApiKey);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
    }

    private Uri Start()
    {
        StartServer();
        return new Uri(ClientOptions.BaseAddress.GetLeftPart(UriPartial.Authority) + "/");
    }
}

/// <summary>Unknown stations are refused (the production default).</summary>
public sealed class StrictKestrelChargePortalFactory : KestrelChargePortalFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Ocpp:AllowUnknownStations"] = "false",
        ["Ocpp:CallTimeoutSeconds"] = "10", // generous: a loaded CI machine must not turn a slow answer into a 504
    };
}
