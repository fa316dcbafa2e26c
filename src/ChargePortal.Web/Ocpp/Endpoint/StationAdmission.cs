using System.Threading.RateLimiting;
using ChargePortal.Ocpp.Rpc;
using ChargePortal.Web.Ocpp.Connections;
using Microsoft.Extensions.Options;

namespace ChargePortal.Web.Ocpp.Endpoint;

/// <summary>
/// Admits stations to the costly part of connecting (the look-up, the handshake, the boot and its writes) a bounded
/// number at a time (<see cref="OcppOptions.AdmissionConcurrency"/>). When thousands arrive in the same second, the rest
/// wait, first come first served, with their upgrade request pending, instead of all being served at once and every
/// one of them, and every station already connected, waiting seconds for an answer. A station holds its place until
/// its first BootNotification is answered, it disconnects, or <see cref="OcppOptions.AdmissionHoldSeconds"/> pass.
/// Only when <see cref="OcppOptions.AdmissionQueueLimit"/> stations already wait is one refused (503, Retry-After).
/// </summary>
public sealed class StationAdmission(IOptions<OcppOptions> options, TimeProvider time) : IDisposable
{
    private readonly ConcurrencyLimiter _limiter = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = options.Value.AdmissionConcurrency,
        QueueLimit = options.Value.AdmissionQueueLimit,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    /// <summary>Stations waiting for their turn.</summary>
    public long Waiting => _limiter.GetStatistics()?.CurrentQueuedCount ?? 0;

    /// <summary>Waits for a place; null when the queue is full.</summary>
    public async ValueTask<AdmissionTicket?> EnterAsync(CancellationToken ct)
    {
        var lease = await _limiter.AcquireAsync(1, ct);
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            return null;
        }

        return new AdmissionTicket(lease, TimeSpan.FromSeconds(options.Value.AdmissionHoldSeconds), time);
    }

    public void Dispose() => _limiter.Dispose();
}

/// <summary>A station's place in <see cref="StationAdmission"/>; given back once, whichever comes first.</summary>
public sealed class AdmissionTicket : IDisposable
{
    private readonly RateLimitLease _lease;
    private readonly ITimer _timeout;
    private int _released;

    internal AdmissionTicket(RateLimitLease lease, TimeSpan hold, TimeProvider time)
    {
        _lease = lease;
        _timeout = time.CreateTimer(static self => ((AdmissionTicket)self!).Dispose(), this, hold, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Gives the place back when the connection's first BootNotification answer goes out.</summary>
    public void ReleaseOnBootAnswer(IStationConnection connection)
    {
        EventHandler<OcppFrameLogEntry>? handler = null;
        handler = (_, frame) =>
        {
            if (frame is { Direction: OcppFrameDirection.Outgoing, MessageType: OcppMessageType.CallResult, Action: "BootNotification" })
            {
                connection.Peer.FrameLogged -= handler;
                Dispose();
            }
        };
        connection.Peer.FrameLogged += handler;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            _timeout.Dispose();
            _lease.Dispose();
        }
    }
}
