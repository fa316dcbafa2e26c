using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using ChargePortal.Ocpp;
using ChargePortal.Ocpp.Rpc;
using ChargePortal.Ocpp.Validation;
using ChargePortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Ocpp.Connections;

/// <summary>
/// One exchange a ledger stores: the CALL frame and the CALLRESULT frame that answered it. <paramref name="StationCalled"/>
/// says who sent the CALL: the station (a report part, answered by this CSMS) or this CSMS (answered by the station).
/// </summary>
public sealed record AnsweredCall(
    string StationId, OcppVersion Version, string Action, bool StationCalled, string CallFrame, string ResultFrame, DateTimeOffset AnsweredAt)
{
    public T Request<T>() => Read<T>(CallFrame, 3, request: true);

    public T Response<T>() => Read<T>(ResultFrame, 2, request: false);

    /// <summary>The CALL's payload as sent (e.g. to keep a query's criteria as they were written).</summary>
    public JsonElement RequestPayload() => Payload(CallFrame, 3);

    /// <summary>
    /// Whether the station's answer conforms to its schema. A station's CALL was checked before this CSMS answered it
    /// with a CALLRESULT; a station's CALLRESULT is only logged, and one the caller refused as invalid is no result.
    /// </summary>
    internal bool AnswerConforms() =>
        StationCalled || OcppSchemaValidator.Validate(Version, Action, OcppMessageKind.Response, Payload(ResultFrame, 2)).IsValid;

    private T Read<T>(string frame, int index, bool request)
    {
        using var document = JsonDocument.Parse(frame);
        var descriptor = OcppActionCatalog.For(Version).Get(Action);
        return JsonSerializer.Deserialize(document.RootElement[index], request ? descriptor.RequestTypeInfo : descriptor.ResponseTypeInfo) is T value
            ? value
            : throw new JsonException($"{Action} did not read as {typeof(T).Name}.");
    }

    private static JsonElement Payload(string frame, int index)
    {
        using var document = JsonDocument.Parse(frame);
        return document.RootElement[index].Clone();
    }
}

/// <summary>
/// Stores the answered exchanges of some actions (2.0.1 unless <see cref="Follows"/> says otherwise), whoever started
/// them: CSMS calls (command API, raw OCPP call, portal, load balancer) once the station answered them with a
/// schema-valid CALLRESULT, and station calls (report parts) once this CSMS answered them with one (a refused or
/// invalid frame is never stored). It only looks at frames and queues them; one background loop stores them in
/// arrival order, so the socket never waits on the database and a report part is stored after the answer that
/// announced it. This is the one place that pairs frames for a feature's own records: a feature says which actions
/// it follows (<see cref="Actions"/>), what an exchange changes (<see cref="ApplyAsync"/>) and, if pages must hear
/// of it, what to announce once stored (<see cref="OnStored"/>).
/// </summary>
public abstract class StationFrameLedger(IDbContextFactory<AppDbContext> dbFactory, DatabaseWriteGate writeGate, ILogger logger)
    : BackgroundService, IStationFrameTap
{
    private readonly Channel<AnsweredCall> _queue = Channel.CreateBounded<AnsweredCall>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });
    private long _pending;

    /// <summary>Exchanges queued but not yet stored (tests wait for 0).</summary>
    public long Pending => Interlocked.Read(ref _pending);

    /// <summary>
    /// Waits (at most two seconds) until what was queued so far is stored, so a page or API answer that follows an
    /// exchange reads the result. Other stations' traffic can keep the queue busy; then it returns without waiting longer.
    /// </summary>
    public async Task WaitStoredAsync(CancellationToken ct)
    {
        for (var i = 0; i < 40 && Pending > 0; i++)
        {
            await Task.Delay(50, ct);
        }
    }

    /// <summary>The actions this ledger stores.</summary>
    protected abstract IReadOnlySet<string> Actions { get; }

    /// <summary>The protocol versions whose stations this ledger follows (2.0.1 by default).</summary>
    protected virtual bool Follows(OcppVersion version) => version == OcppVersion.V201;

    public void Attach(IStationConnection connection)
    {
        if (!Follows(connection.Version))
        {
            return;
        }

        // Created at the station's first call of these actions: most connected stations never send or get one.
        ConcurrentDictionary<string, string>? calls = null;
        connection.Peer.FrameLogged += (_, frame) =>
        {
            if (frame.MessageId is not { } id || frame.Action is not { } action || !Actions.Contains(action))
            {
                return;
            }

            // Each side numbers its own calls, so a call is keyed by who sent it and its answer comes from the other side.
            var incoming = frame.Direction == OcppFrameDirection.Incoming;
            if (frame.MessageType == OcppMessageType.Call)
            {
                LazyInitializer.EnsureInitialized(ref calls, static () => new ConcurrentDictionary<string, string>(StringComparer.Ordinal))[Key(incoming, id)] = frame.Frame;
            }
            else if (calls is not null && calls.TryRemove(Key(!incoming, id), out var call) && frame.MessageType == OcppMessageType.CallResult)
            {
                Interlocked.Increment(ref _pending);
                if (!_queue.Writer.TryWrite(new AnsweredCall(connection.StationId, connection.Version, action, !incoming, call, frame.Frame, frame.Timestamp)))
                {
                    Interlocked.Decrement(ref _pending);
                }
            }
        };
    }

    private static string Key(bool incoming, string messageId) => (incoming ? "in:" : "out:") + messageId;

    /// <summary>Adds what <paramref name="exchange"/> says to <paramref name="db"/>; the caller saves.</summary>
    protected abstract Task ApplyAsync(AppDbContext db, AnsweredCall exchange, CancellationToken ct);

    /// <summary>Called once what <paramref name="exchange"/> said is stored (e.g. to tell open pages to reload).</summary>
    protected virtual void OnStored(AnsweredCall exchange)
    {
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var exchange in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await StoreAsync(exchange, stoppingToken);
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException or DbUpdateException)
            {
                logger.LogWarning(ex, "Could not store the {Action} exchange of {StationId}", exchange.Action, exchange.StationId);
            }
            finally
            {
                Interlocked.Decrement(ref _pending);
            }
        }
    }

    private async Task StoreAsync(AnsweredCall exchange, CancellationToken ct)
    {
        if (!exchange.AnswerConforms())
        {
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await ApplyAsync(db, exchange, ct);
        if (db.ChangeTracker.HasChanges())
        {
            using var turn = await writeGate.EnterAsync(ct);
            await db.SaveChangesAsync(ct);
        }

        OnStored(exchange);
    }
}
