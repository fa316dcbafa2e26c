using Microsoft.Extensions.Options;

namespace ChargePortal.Web.Hosting.RateLimiting;

/// <summary>At most <see cref="PermitLimit"/> per <see cref="WindowSeconds"/>; a limit of 0 turns the rule off.</summary>
public sealed class RateLimitRule
{
    public int PermitLimit { get; set; }

    public int WindowSeconds { get; set; } = 60;

    public bool Enabled => PermitLimit > 0;

    public TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);

    public static RateLimitRule Of(int permitLimit, int windowSeconds) => new() { PermitLimit = permitLimit, WindowSeconds = windowSeconds };
}

/// <summary>
/// Every limit of the app (section <c>RateLimits</c>). Rejections are 429 with Retry-After. Sign-in and OCPP handshake
/// limits count failures (a wrong password, an unknown station), so a busy office or a car park behind one address is
/// not held up by its own successful sign-ins; the others count requests.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Bad sign-ins per account (by the e-mail typed): the next attempt is refused before the password is checked.</summary>
    public RateLimitRule SignInFailuresPerAccount { get; set; } = RateLimitRule.Of(5, 60);

    /// <summary>Bad sign-ins from one client address, whichever accounts they name.</summary>
    public RateLimitRule SignInFailuresPerIp { get; set; } = RateLimitRule.Of(20, 60);

    /// <summary>Registration form posts per client address.</summary>
    public RateLimitRule RegistrationPerIp { get; set; } = RateLimitRule.Of(10, 3600);

    /// <summary>Forgot-password, reset-password and resend-confirmation form posts per client address.</summary>
    public RateLimitRule PasswordResetPerIp { get; set; } = RateLimitRule.Of(10, 900);

    /// <summary>Reset and confirmation mails asked for per e-mail address.</summary>
    public RateLimitRule PasswordResetPerAccount { get; set; } = RateLimitRule.Of(3, 900);

    /// <summary>Refused OCPP handshakes (wrong password, unknown station) per client address; checked before any password is hashed.</summary>
    public RateLimitRule OcppHandshakeFailuresPerIp { get; set; } = RateLimitRule.Of(30, 60);

    /// <summary>Refused OCPP handshakes per charge point id; checked before its password is hashed.</summary>
    public RateLimitRule OcppHandshakeFailuresPerStation { get; set; } = RateLimitRule.Of(5, 60);

    /// <summary>OCPP handshakes per charge point id, whatever their outcome (a station in a reconnect loop).</summary>
    public RateLimitRule OcppHandshakesPerStation { get; set; } = RateLimitRule.Of(30, 60);

    /// <summary>
    /// OCPP handshakes per client address. Off by default: a car park behind one NAT address, or every station behind a
    /// load balancer without forwarded headers, reconnects all at once after an outage.
    /// </summary>
    public RateLimitRule OcppHandshakesPerIp { get; set; } = RateLimitRule.Of(0, 60);

    /// <summary>HTTP API requests per API key (requests without a key: per client address).</summary>
    public RateLimitRule ApiPerKey { get; set; } = RateLimitRule.Of(3000, 60);

    /// <summary>Stripe webhook posts per client address.</summary>
    public RateLimitRule StripeWebhookPerIp { get; set; } = RateLimitRule.Of(600, 60);

    public IEnumerable<(string Name, RateLimitRule Rule)> Rules =>
    [
        (nameof(SignInFailuresPerAccount), SignInFailuresPerAccount), (nameof(SignInFailuresPerIp), SignInFailuresPerIp),
        (nameof(RegistrationPerIp), RegistrationPerIp), (nameof(PasswordResetPerIp), PasswordResetPerIp),
        (nameof(PasswordResetPerAccount), PasswordResetPerAccount), (nameof(OcppHandshakeFailuresPerIp), OcppHandshakeFailuresPerIp),
        (nameof(OcppHandshakeFailuresPerStation), OcppHandshakeFailuresPerStation), (nameof(OcppHandshakesPerStation), OcppHandshakesPerStation),
        (nameof(OcppHandshakesPerIp), OcppHandshakesPerIp), (nameof(ApiPerKey), ApiPerKey), (nameof(StripeWebhookPerIp), StripeWebhookPerIp),
    ];
}

internal sealed class RateLimitOptionsValidation : IValidateOptions<RateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        var errors = options.Rules
            .Where(r => r.Rule is null || r.Rule.PermitLimit < 0 || r.Rule.WindowSeconds is < 1 or > 86_400)
            .Select(r => $"{RateLimitOptions.Section}:{r.Name}: PermitLimit must be 0 (off) or more and WindowSeconds 1 to 86400.")
            .ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
