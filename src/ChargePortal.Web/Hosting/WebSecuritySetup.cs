using System.Net;
using ChargePortal.Web.Accounts;
using ChargePortal.Web.Hosting.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace ChargePortal.Web.Hosting;

/// <summary>
/// The app's face to the internet: its public address for links, trusted proxies (forwarded headers), security
/// headers, HSTS outside Development, and the rate limits.
/// </summary>
public static class WebSecuritySetup
{
    public static WebApplicationBuilder AddWebSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<HostingOptions>(HostingOptions.Section);
        services.AddSingleton<IValidateOptions<HostingOptions>, HostingOptionsValidation>();
        services.AddSingleton<PublicUrls>();
        services.AddScoped<AccountLinks>();
        services.AddSingleton<AccountThrottle>();
        services.AddHostedService<PublicUrlAnnouncement>();
        services.AddAppRateLimiting();

        var forwarded = builder.Configuration.ReadValidated<HostingOptions>(HostingOptions.Section).ForwardedHeaders;
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            // For and Proto only: the client's address (rate limits) and https (Secure cookies, HSTS). Never Host:
            // links come from Hosting:PublicBaseUrl.
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = Math.Max(1, forwarded.ForwardLimit);
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in forwarded.KnownProxies.Where(p => IPAddress.TryParse(p, out _)))
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in forwarded.KnownNetworks.Where(n => System.Net.IPNetwork.TryParse(n, out _)))
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return builder;
    }

    /// <summary>First in the pipeline: the proxy's view of the request, then the headers every response carries.</summary>
    public static WebApplication UseWebSecurity(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<HostingOptions>>().Value.ForwardedHeaders.Enabled)
        {
            app.UseForwardedHeaders();
        }

        app.UseMiddleware<SecurityHeaders>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        return app;
    }
}

/// <summary>Warns at start when links cannot be made outside Development (no Hosting:PublicBaseUrl, no AllowedHosts).</summary>
internal sealed class PublicUrlAnnouncement(PublicUrls urls, IHostEnvironment environment, IConfiguration configuration, ILogger<PublicUrlAnnouncement> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var allowedHosts = configuration["AllowedHosts"];
        if (!urls.IsConfigured && !environment.IsDevelopment() && (string.IsNullOrWhiteSpace(allowedHosts) || allowedHosts.Trim() == "*"))
        {
            logger.LogWarning("Hosting:PublicBaseUrl is not set and AllowedHosts allows any host: password-reset and confirmation mails, " +
                "card entry with Stripe and diagnostics upload URLs are refused until one of them is set");
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
