using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ChargePortal.Web.Hosting.RateLimiting;

/// <summary>Names of the request limits endpoints opt into (RequireRateLimiting / [EnableRateLimiting]).</summary>
public static class RateLimitPolicies
{
    public const string Api = "api";
    public const string StripeWebhook = "stripe-webhook";
    public const string Registration = "registration";
    public const string PasswordReset = "password-reset";
}

/// <summary>ASP.NET Core's rate limiter with the limits of <see cref="RateLimitOptions"/>: 429 problem+json with Retry-After.</summary>
public static class RateLimitSetup
{
    public static IServiceCollection AddAppRateLimiting(this IServiceCollection services)
    {
        services.AddValidatedOptions<RateLimitOptions>(RateLimitOptions.Section);
        services.AddSingleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidation>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((limiter, limits) =>
        {
            var rules = limits.Value;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = OnRejectedAsync;
            limiter.AddPolicy(RateLimitPolicies.Api, http => Partition(rules.ApiPerKey, ApiKeyPartition(http)));
            limiter.AddPolicy(RateLimitPolicies.StripeWebhook, http => Partition(rules.StripeWebhookPerIp, ClientAddress.Of(http)));
            // Form pages: loading the form is free, each post counts.
            limiter.AddPolicy(RateLimitPolicies.Registration, http => PostsOnly(http, rules.RegistrationPerIp));
            limiter.AddPolicy(RateLimitPolicies.PasswordReset, http => PostsOnly(http, rules.PasswordResetPerIp));
        });
        return services;
    }

    private static RateLimitPartition<string> PostsOnly(HttpContext http, RateLimitRule rule) =>
        HttpMethods.IsPost(http.Request.Method) ? Partition(rule, ClientAddress.Of(http)) : RateLimitPartition.GetNoLimiter("");

    private static RateLimitPartition<string> Partition(RateLimitRule rule, string key) =>
        rule.Enabled
            ? RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = rule.PermitLimit, Window = rule.Window, QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter("");

    /// <summary>By API key (hashed: the limiter's table never holds a usable key); without one, by client address.</summary>
    private static string ApiKeyPartition(HttpContext http)
    {
        string? header = http.Request.Headers.Authorization;
        return string.IsNullOrEmpty(header)
            ? "ip:" + ClientAddress.Of(http)
            : "key:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(header)), 0, 16);
    }

    private static async ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken ct)
    {
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        RetryAfterHeader.Set(context.HttpContext.Response, wait);
        await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context.HttpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"Too many requests; try again in {(int)Math.Ceiling(wait.TotalSeconds)} seconds.",
            },
        });
    }
}

/// <summary>The client's address as the connection (or, behind a trusted proxy, X-Forwarded-For) says.</summary>
public static class ClientAddress
{
    public static string Of(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
