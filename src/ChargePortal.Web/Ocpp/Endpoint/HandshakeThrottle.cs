using ChargePortal.Web.Hosting.RateLimiting;
using Microsoft.Extensions.Options;

namespace ChargePortal.Web.Ocpp.Endpoint;

/// <summary>
/// Limits of the OCPP handshake (<see cref="RateLimitOptions"/>): refused handshakes (wrong password, unknown station)
/// per client address and per charge point id are counted, and once either has used its allowance further attempts
/// get 429 before the station is looked up or any password hashed, so wrong passwords cannot drain the CPU with
/// PBKDF2. Handshakes per charge point id (and, when configured, per address) are limited whatever their outcome.
/// </summary>
public sealed class HandshakeThrottle(IOptions<RateLimitOptions> options) : IDisposable
{
    private readonly FailureThrottle _failuresPerIp = new(options.Value.OcppHandshakeFailuresPerIp);
    private readonly FailureThrottle _failuresPerStation = new(options.Value.OcppHandshakeFailuresPerStation);
    private readonly FailureThrottle _perStation = new(options.Value.OcppHandshakesPerStation);
    private readonly FailureThrottle _perIp = new(options.Value.OcppHandshakesPerIp);

    /// <summary>Counts this handshake; null when it may go ahead, otherwise how long the station should wait.</summary>
    public TimeSpan? TryBegin(string clientAddress, string chargePointId)
    {
        if (RetryAfterHeader.Longest(_failuresPerIp.RetryAfter(clientAddress), _failuresPerStation.RetryAfter(chargePointId)) is { } backOff)
        {
            return backOff;
        }

        return _perIp.TryAcquire(clientAddress) ?? _perStation.TryAcquire(chargePointId);
    }

    public void Failed(string clientAddress, string chargePointId)
    {
        _failuresPerIp.RecordFailure(clientAddress);
        _failuresPerStation.RecordFailure(chargePointId);
    }

    public void Dispose()
    {
        _failuresPerIp.Dispose();
        _failuresPerStation.Dispose();
        _perStation.Dispose();
        _perIp.Dispose();
    }
}
