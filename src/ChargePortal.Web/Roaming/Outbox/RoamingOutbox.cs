using System.Text.Json;
using ChargePortal.Web.Data;
using ChargePortal.Web.Roaming.Ocpi;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Roaming.Outbox;

/// <summary>A request for a partner, before it is queued.</summary>
public sealed record OutboundRequest(int PartnerId, string Module, HttpMethod Method, string? Path, object? Body, string? AbsoluteUrl = null);

/// <summary>Wakes the dispatcher on this node when something was queued, instead of waiting for its next poll.</summary>
public sealed class RoamingOutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another caller signalled at the same moment: one wake-up is enough.
            }
        }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);

    public void Dispose() => _signal.Dispose();
}

/// <summary>Queues requests for partners in the database, in order, so none is lost when a partner or this node is down.</summary>
public sealed class RoamingOutbox(IDbContextFactory<AppDbContext> dbFactory, RoamingOutboxSignal signal, TimeProvider time)
{
    public async Task EnqueueAsync(IReadOnlyCollection<OutboundRequest> requests, CancellationToken ct)
    {
        if (requests.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        foreach (var r in requests)
        {
            db.Add(new RoamingOutboxMessage
            {
                PartnerId = r.PartnerId,
                Module = r.Module,
                Method = r.Method.Method,
                Path = r.Path,
                AbsoluteUrl = r.AbsoluteUrl,
                Body = r.Body is null ? null : r.Body as string ?? JsonSerializer.Serialize(r.Body, OcpiJson.Options),
                CreatedAt = now,
                NextAttemptAtTicks = now.UtcTicks,
            });
        }

        await db.SaveChangesAsync(ct);
        signal.Notify();
    }
}
