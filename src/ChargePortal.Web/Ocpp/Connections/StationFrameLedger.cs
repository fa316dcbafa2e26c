using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using ChargePortal.Ocpp;
using ChargePortal.Ocpp.Rpc;
using ChargePortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Ocpp.Connections;

/// <summary>One exchange a ledger stores: the CALL frame and the CALLRESULT frame that answered it.</summary>
public sealed record AnsweredCall(string StationId, string Action, string CallFrame, string ResultFrame, DateTimeOffset AnsweredAt)
{
    public T Request<T>() => Read<T>(CallFrame, 3, request: true);

    public T Response<T>() => Read<T>(ResultFrame, 2, request: false);

    private T Read<T>(string frame, int index, bool request)
    {
        using var document = JsonDocument.Parse(frame);
        var descriptor = OcppActionCatalog.For(OcppVersion.V201).Get(Action);
        return JsonSerializer.Deserialize(document.RootElement[index], request ? descriptor.RequestTypeInfo : descriptor.ResponseTypeInfo) is T value
            ? value
            : throw new JsonException($"{Action} did not read as {typeof(T).Name}.");
    }
}

/// <summary>
/// Stores the answered 2.0.1 exchanges of some actions, whoever started them: CSMS calls (command API, raw OCPP call,
/// portal) once the station answered them with a CALLRESULT, and station calls once this CSMS answered them with one
/// (a refused or invalid frame is never stored). It only looks at frames and queues them; one background loop stores
/// them in arrival order, so the socket never waits on the database and a report part is stored after the answer
/// that announced it.
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

    public void Attach(IStationConnection connection)
    {
        if (connection.Version != OcppVersion.V201)
        {
            return;
        }

        var calls = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
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
                calls[Key(incoming, id)] = frame.Frame;
            }
            else if (calls.TryRemove(Key(!incoming, id), out var call) && frame.MessageType == OcppMessageType.CallResult)
            {
                Interlocked.Increment(ref _pending);
                if (!_queue.Writer.TryWrite(new AnsweredCall(connection.StationId, action, call, frame.Frame, frame.Timestamp)))
                {
                    Interlocked.Decrement(ref _pending);
                }
            }
        };
    }

    private static string Key(bool incoming, string messageId) => (incoming ? "in:" : "out:") + messageId;

    /// <summary>Adds what <paramref name="exchange"/> says to <paramref name="db"/>; the caller saves.</summary>
    protected abstract Task ApplyAsync(AppDbContext db, AnsweredCall exchange, CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var exchange in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(stoppingToken);
                await ApplyAsync(db, exchange, stoppingToken);
                using var turn = await writeGate.EnterAsync(stoppingToken);
                await db.SaveChangesAsync(stoppingToken);
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
}
