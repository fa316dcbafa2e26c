using ChargePortal.Ocpp.V201;
using ChargePortal.Web.Data;
using ChargePortal.Web.Ocpp.Connections;
using Microsoft.EntityFrameworkCore;
using ChargePortal.Web.Ocpp;

namespace ChargePortal.Web.DisplayMessages;

/// <summary>
/// Keeps each 2.0.1 station's display messages (block O) from its answered exchanges: accepted SetDisplayMessage
/// (a new AlwaysFront message replaces the old one, O01.FR.16), ClearDisplayMessage Accepted or Unknown, and
/// GetDisplayMessages with its NotifyDisplayMessages parts. A report's last part (tbc false) removes the stored
/// messages that match its criteria but were not reported; an Unknown answer means none match.
/// </summary>
public sealed class DisplayMessageLedger(IDbContextFactory<AppDbContext> dbFactory, DatabaseWriteGate writeGate, ILogger<DisplayMessageLedger> logger)
    : StationFrameLedger(dbFactory, writeGate, logger)
{
    public const string Set = "SetDisplayMessage";
    public const string Clear = "ClearDisplayMessage";
    public const string Get = "GetDisplayMessages";
    public const string Notify = "NotifyDisplayMessages";

    public const string SourceSet = "Set";
    public const string SourceReported = "Reported";

    private static readonly HashSet<string> Handled = new(StringComparer.Ordinal) { Set, Clear, Get, Notify };

    protected override IReadOnlySet<string> Actions => Handled;

    protected override async Task ApplyAsync(AppDbContext db, AnsweredCall exchange, CancellationToken ct)
    {
        var stored = await db.DisplayMessages.Where(m => m.StationId == exchange.StationId).ToListAsync(ct);
        switch (exchange.Action)
        {
            case Set when exchange.Response<SetDisplayMessageResponse>().Status == DisplayMessageStatusEnum.Accepted:
                var message = exchange.Request<SetDisplayMessageRequest>().Message;
                if (message.Priority == MessagePriorityEnum.AlwaysFront)
                {
                    db.DisplayMessages.RemoveRange(stored.Where(m => m.MessageId != message.Id && m.Priority == nameof(MessagePriorityEnum.AlwaysFront)));
                }

                Upsert(db, stored, exchange, message, SourceSet, reportedIn: null);
                break;
            case Clear:
                var cleared = exchange.Request<ClearDisplayMessageRequest>().Id;

                // Unknown: the station has no such message, so neither should the list.
                db.DisplayMessages.RemoveRange(stored.Where(m => m.MessageId == cleared));
                break;
            case Get:
                await QueryAnsweredAsync(db, stored, exchange, ct);
                break;
            case Notify:
                await ReportedAsync(db, stored, exchange, ct);
                break;
        }
    }

    private static Task QueryAnsweredAsync(AppDbContext db, List<StationDisplayMessage> stored, AnsweredCall exchange, CancellationToken ct)
    {
        var request = exchange.Request<GetDisplayMessagesRequest>();
        var status = exchange.Response<GetDisplayMessagesResponse>().Status;
        var query = new DisplayMessageQuery
        {
            StationId = exchange.StationId,
            RequestId = request.RequestId,
            RequestedIds = request.Id is { Count: > 0 } ids ? string.Join(',', ids) : null,
            Priority = OcppEnumText.Of(request.Priority),
            State = OcppEnumText.Of(request.State),
            Status = OcppEnumText.Of(status),
            RequestedAt = exchange.AnsweredAt,
        };
        db.DisplayMessageQueries.Add(query);
        if (status == GetDisplayMessagesStatusEnum.Unknown)
        {
            // O03.FR.06, O04.FR.02: nothing matches, so nothing the list holds matches either.
            db.DisplayMessages.RemoveRange(stored.Where(m => Matches(m, query)));
            query.CompletedAt = exchange.AnsweredAt;
        }

        return Task.CompletedTask;
    }

    private static async Task ReportedAsync(AppDbContext db, List<StationDisplayMessage> stored, AnsweredCall exchange, CancellationToken ct)
    {
        var part = exchange.Request<NotifyDisplayMessagesRequest>();
        foreach (var info in part.MessageInfo ?? [])
        {
            Upsert(db, stored, exchange, info, SourceReported, part.RequestId);
        }

        var query = await db.DisplayMessageQueries
            .Where(q => q.StationId == exchange.StationId && q.RequestId == part.RequestId)
            .OrderByDescending(q => q.Id).FirstOrDefaultAsync(ct);
        if (query is null)
        {
            return;
        }

        query.Reported += part.MessageInfo?.Count ?? 0;
        if (part.Tbc != true)
        {
            query.CompletedAt = exchange.AnsweredAt;

            // The report is complete: what matched its criteria but was not listed (and was not set since) is gone.
            db.DisplayMessages.RemoveRange(stored.Where(m =>
                m.ReportedInRequest != part.RequestId && m.UpdatedAt <= query.RequestedAt && Matches(m, query) && db.Entry(m).State != EntityState.Added));
        }
    }

    private static void Upsert(AppDbContext db, List<StationDisplayMessage> stored, AnsweredCall exchange, MessageInfo info, string source, int? reportedIn)
    {
        var record = stored.FirstOrDefault(m => m.MessageId == info.Id);
        if (record is null)
        {
            record = new StationDisplayMessage { StationId = exchange.StationId, MessageId = info.Id, Priority = "", Format = "", Content = "", Source = source };
            db.DisplayMessages.Add(record);
            stored.Add(record);
        }

        record.Priority = OcppEnumText.Of(info.Priority);
        record.State = info.State is { } state ? OcppEnumText.Of(state) : null;
        record.StartsAt = info.StartDateTime;
        record.EndsAt = info.EndDateTime;
        record.TransactionId = info.TransactionId;
        record.Format = OcppEnumText.Of(info.Message.Format);
        record.Language = info.Message.Language;
        record.Content = info.Message.Content;
        record.ReportedInRequest = reportedIn ?? record.ReportedInRequest;
        record.UpdatedAt = exchange.AnsweredAt;
    }

    private static bool Matches(StationDisplayMessage message, DisplayMessageQuery query) =>
        (query.RequestedIds is null || query.Ids.Contains(message.MessageId))
        && (query.Priority is null || message.Priority == query.Priority)
        && (query.State is null || message.State == query.State);
}
