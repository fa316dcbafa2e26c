using System.Threading.RateLimiting;

namespace ChargePortal.Web.Hosting.RateLimiting;

/// <summary>
/// Counts failures per key (an account, an address, a station id) in fixed windows: <see cref="RetryAfter"/> looks
/// without taking a permit, so the caller can refuse before doing the costly part (a password hash), and
/// <see cref="RecordFailure"/> takes one only when the attempt failed. Idle keys are dropped by the partitioned limiter.
/// </summary>
public sealed class FailureThrottle : IDisposable
{
    private readonly RateLimitRule _rule;
    private readonly PartitionedRateLimiter<string>? _limiter;

    public FailureThrottle(RateLimitRule rule)
    {
        _rule = rule;
        if (rule.Enabled)
        {
            _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = rule.PermitLimit,
                Window = rule.Window,
                QueueLimit = 0,
            }));
        }
    }

    /// <summary>Null while <paramref name="key"/> may try again; otherwise how long it should wait.</summary>
    public TimeSpan? RetryAfter(string key)
    {
        if (_limiter is null)
        {
            return null;
        }

        using var peek = _limiter.AttemptAcquire(key, 0); // zero permits: "is any left?" without using one
        return peek.IsAcquired ? null : peek.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : _rule.Window;
    }

    public void RecordFailure(string key)
    {
        using var _ = _limiter?.AttemptAcquire(key, 1);
    }

    /// <summary>Counts an attempt whatever its outcome: null when it may go ahead, otherwise how long to wait.</summary>
    public TimeSpan? TryAcquire(string key)
    {
        if (_limiter is null)
        {
            return null;
        }

        using var lease = _limiter.AttemptAcquire(key, 1);
        return lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : _rule.Window;
    }

    public void Dispose() => _limiter?.Dispose();
}

/// <summary>Retry-After values: the longest of several refusals, written as whole seconds.</summary>
public static class RetryAfterHeader
{
    public static TimeSpan? Longest(params TimeSpan?[] waits) => waits.Where(w => w is not null).Max();

    public static void Set(HttpResponse response, TimeSpan wait) =>
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
