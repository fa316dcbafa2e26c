using ChargePortal.Web.Hosting.RateLimiting;
using Microsoft.Extensions.Options;

namespace ChargePortal.Web.Accounts;

/// <summary>
/// Sign-in and reset limits by account and by client address (<see cref="RateLimitOptions"/>). Bad sign-ins are
/// counted, and once an account or address has used its allowance the next attempt is refused (429) before the
/// password is checked. Throttling is not a lock-out: it ends with the window, and the user's API keys keep working
/// (only an admin's lock stops those).
/// </summary>
public sealed class AccountThrottle(IOptions<RateLimitOptions> options) : IDisposable
{
    private readonly FailureThrottle _signInPerAccount = new(options.Value.SignInFailuresPerAccount);
    private readonly FailureThrottle _signInPerIp = new(options.Value.SignInFailuresPerIp);
    private readonly FailureThrottle _resetPerAccount = new(options.Value.PasswordResetPerAccount);

    /// <summary>Null when this sign-in may be tried; otherwise how long to wait.</summary>
    public TimeSpan? SignInRetryAfter(string clientAddress, string email) =>
        RetryAfterHeader.Longest(_signInPerIp.RetryAfter(clientAddress), _signInPerAccount.RetryAfter(Normalize(email)));

    public void SignInFailed(string clientAddress, string email)
    {
        _signInPerIp.RecordFailure(clientAddress);
        _signInPerAccount.RecordFailure(Normalize(email));
    }

    /// <summary>Counts a reset or confirmation mail asked for this address; null when it may be sent, otherwise how long to wait.</summary>
    public TimeSpan? TryMailFor(string email) => _resetPerAccount.TryAcquire(Normalize(email));

    /// <summary>Answers a throttled form post: 429 with Retry-After, and the sentence the page shows.</summary>
    public static string Refuse(HttpContext http, TimeSpan wait)
    {
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        RetryAfterHeader.Set(http.Response, wait);
        return $"Too many attempts. Please wait {Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))} seconds and try again.";
    }

    private static string Normalize(string email) => email.Trim().ToUpperInvariant();

    public void Dispose()
    {
        _signInPerAccount.Dispose();
        _signInPerIp.Dispose();
        _resetPerAccount.Dispose();
    }
}
