using System.Text.Json;
using ChargePortal.Web.Data;
using ChargePortal.Web.Roaming.Cdrs;
using ChargePortal.Web.Roaming.Credentials;
using ChargePortal.Web.Roaming.Locations;
using ChargePortal.Web.Roaming.Ocpi;
using ChargePortal.Web.Roaming.Outbox;
using ChargePortal.Web.Roaming.Partners;
using ChargePortal.Web.Roaming.Tokens;
using ChargePortal.Web.Tariffs;
using ChargePortal.Web.Transactions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChargePortal.Web.Roaming.Sessions;

/// <summary>
/// Sessions of partner tokens, reported to their eMSP: the Session is PUT when the station starts it, PATCHed as energy
/// flows and when it ends; then its CDR, priced with our tariff, is stored and POSTed. Everything goes through the
/// durable outbox, so the order holds and nothing is lost when the partner is down.
/// </summary>
public sealed class SessionReporter(
    IDbContextFactory<AppDbContext> dbFactory,
    TariffResolver tariffs,
    LiveCost liveCost,
    LocationCatalog locations,
    RoamingOutbox outbox,
    IOptions<RoamingOptions> options,
    TimeProvider time)
{
    public async Task OnStartedAsync(string stationId, string ocppTransactionId, string idTag, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var transaction = await db.Transactions.AsNoTracking().FirstOrDefaultAsync(t => t.StationId == stationId && t.OcppTransactionId == ocppTransactionId, ct);
        var siteId = await db.Stations.Where(s => s.Id == stationId).Select(s => s.SiteId).FirstOrDefaultAsync(ct);
        if (transaction is null || siteId is null || await db.Set<RoamingSession>().AnyAsync(s => s.TransactionId == transaction.Id, ct))
        {
            return;
        }

        var token = await FindTokenAsync(db, idTag, ct);
        if (token is null)
        {
            return;
        }

        var partner = await db.Set<RoamingPartner>().AsNoTracking().SingleAsync(p => p.Id == token.PartnerId, ct);
        var tariff = await tariffs.ForConnectorAsync(stationId, transaction.ConnectorId, transaction.StartedAt, ct);
        var session = new RoamingSession
        {
            Id = Guid.NewGuid().ToString("N"),
            PartnerId = token.PartnerId,
            TransactionId = transaction.Id,
            LocationId = siteId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            EvseUid = EvseStatusMapping.EvseUid(stationId, transaction.EvseId),
            ConnectorId = transaction.ConnectorId,
            TokenCountryCode = token.CountryCode,
            TokenPartyId = token.PartyId,
            TokenUid = token.Uid,
            TokenType = token.Type,
            ContractId = token.ContractId,
            AuthMethod = token.PendingAuthMethod ?? RoamingAuthMethod.Whitelist,
            AuthorizationReference = token.AuthorizationReference,
            Currency = tariff?.Currency ?? "EUR",
            StartedAt = transaction.StartedAt,
            EnergyWh = transaction.EnergyWh,
            LastUpdatedTicks = time.GetUtcNow().UtcTicks,
        };
        db.Add(session);

        // The authorization is used up by this session; the next one is authorized afresh.
        token.PendingAuthMethod = null;
        token.AuthorizationReference = null;
        await db.SaveChangesAsync(ct);
        await PushAsync(partner, OcpiModules.Sessions, HttpMethod.Put, SessionPath(session), OcpiSession.From(session, options.Value.CountryCode, options.Value.PartyId), ct);
    }

    public async Task OnUpdatedAsync(string stationId, string ocppTransactionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (session, transaction) = await FindSessionAsync(db, stationId, ocppTransactionId, ct);
        if (session is null || transaction is null || session.Status != RoamingSessionStatus.Active || transaction.EnergyWh == session.EnergyWh)
        {
            return;
        }

        var running = (await liveCost.EstimateAsync(transaction.Id, ct))?.Cost;
        session.EnergyWh = transaction.EnergyWh;
        session.TotalCostInclVat = running?.Total;
        session.TotalCostExclVat = running?.Net;
        session.LastUpdatedTicks = time.GetUtcNow().UtcTicks;
        await db.SaveChangesAsync(ct);
        var partner = await db.Set<RoamingPartner>().AsNoTracking().SingleAsync(p => p.Id == session.PartnerId, ct);
        await PushAsync(partner, OcpiModules.Sessions, HttpMethod.Patch, SessionPath(session), Patch(session), ct);
    }

    /// <summary>Completes the session (PATCH) and creates, stores and pushes its CDR. Idempotent.</summary>
    public async Task OnEndedAsync(string stationId, string ocppTransactionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (session, transaction) = await FindSessionAsync(db, stationId, ocppTransactionId, ct);
        if (session is null || transaction is null || session.Status == RoamingSessionStatus.Completed || transaction.Status != TransactionStatus.Completed)
        {
            return;
        }

        var priced = await liveCost.EstimateAsync(transaction.Id, ct);
        var now = time.GetUtcNow();
        session.Status = RoamingSessionStatus.Completed;
        session.EndedAt = transaction.StoppedAt ?? now;
        session.EnergyWh = transaction.EnergyWh;
        session.TotalCostInclVat = priced?.Cost?.Total ?? 0m;
        session.TotalCostExclVat = priced?.Cost?.Net ?? 0m;
        session.Currency = priced?.Tariff?.Currency ?? session.Currency;
        session.LastUpdatedTicks = now.UtcTicks;

        var partner = await db.Set<RoamingPartner>().AsNoTracking().SingleAsync(p => p.Id == session.PartnerId, ct);
        var site = await db.Stations.Where(s => s.Id == stationId).Select(s => s.Site).FirstAsync(ct);
        var connector = await db.Connectors.AsNoTracking().FirstOrDefaultAsync(c => c.StationId == stationId && c.EvseId == transaction.EvseId && c.ConnectorId == transaction.ConnectorId, ct);
        var cdr = priced is null ? null : CdrBuilder.Build(session, priced, site!, connector, locations.EvseId(stationId, transaction.EvseId),
            options.Value.CountryCode, options.Value.PartyId, now);
        string? cdrJson = null;
        if (cdr is not null)
        {
            cdrJson = JsonSerializer.Serialize(cdr, OcpiJson.Options);
            db.Add(new RoamingCdr { Id = cdr.Id, PartnerId = partner.Id, SessionId = session.Id, TransactionId = transaction.Id, Json = cdrJson, LastUpdatedTicks = now.UtcTicks });
        }

        await db.SaveChangesAsync(ct);
        var requests = new List<OutboundRequest>();
        Add(requests, partner, OcpiModules.Sessions, HttpMethod.Patch, SessionPath(session), Patch(session));
        if (cdrJson is not null)
        {
            Add(requests, partner, OcpiModules.Cdrs, HttpMethod.Post, "", cdrJson);
        }

        await outbox.EnqueueAsync(requests, ct);
    }

    /// <summary>Sessions whose end event was missed (the stream drops events of a slow subscriber): completed now.</summary>
    public async Task CompleteMissedAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var missed = await (from s in db.Set<RoamingSession>()
                            join t in db.Transactions on s.TransactionId equals t.Id
                            where s.Status == RoamingSessionStatus.Active && t.Status == TransactionStatus.Completed
                            select new { t.StationId, t.OcppTransactionId }).Take(100).ToListAsync(ct);
        foreach (var m in missed)
        {
            await OnEndedAsync(m.StationId, m.OcppTransactionId, ct);
        }
    }

    private static object Patch(RoamingSession s) => new
    {
        kwh = s.EnergyWh / 1000m,
        status = s.Status,
        end_date_time = s.EndedAt,
        total_cost = s.TotalCostInclVat is { } incl ? new Price(s.TotalCostExclVat ?? incl, incl) : null,
        currency = s.Currency,
        last_updated = s.LastUpdated,
    };

    private string SessionPath(RoamingSession s) => $"/{options.Value.CountryCode}/{options.Value.PartyId}/{s.Id}";

    private async Task PushAsync(RoamingPartner partner, string module, HttpMethod method, string path, object body, CancellationToken ct)
    {
        var requests = new List<OutboundRequest>();
        Add(requests, partner, module, method, path, body);
        await outbox.EnqueueAsync(requests, ct);
    }

    /// <summary>Queues the request only for a partner that receives the module (one without the endpoint is not pushed).</summary>
    private static void Add(List<OutboundRequest> requests, RoamingPartner partner, string module, HttpMethod method, string path, object body)
    {
        if (partner.Status is RoamingPartnerStatus.Registered or RoamingPartnerStatus.Suspended
            && PartnerParties.Endpoint(partner, module, InterfaceRoles.Receiver) is not null)
        {
            requests.Add(new OutboundRequest(partner.Id, module, method, path, body));
        }
    }

    private static async Task<(RoamingSession? Session, ChargingTransaction? Transaction)> FindSessionAsync(AppDbContext db, string stationId, string ocppTransactionId, CancellationToken ct)
    {
        var transaction = await db.Transactions.AsNoTracking().FirstOrDefaultAsync(t => t.StationId == stationId && t.OcppTransactionId == ocppTransactionId, ct);
        var session = transaction is null ? null : await db.Set<RoamingSession>().FirstOrDefaultAsync(s => s.TransactionId == transaction.Id, ct);
        return (session, transaction);
    }

    private static async Task<RoamingToken?> FindTokenAsync(AppDbContext db, string idTag, CancellationToken ct)
    {
        var registered = db.Set<RoamingPartner>().Where(p => p.Status == RoamingPartnerStatus.Registered).Select(p => p.Id);
        var candidates = await db.Set<RoamingToken>().Where(t => t.Uid == idTag && registered.Contains(t.PartnerId)).ToListAsync(ct);
        if (candidates.Count == 0 && db.Database.IsSqlite())
        {
            candidates = await db.Set<RoamingToken>().Where(t => EF.Functions.Collate(t.Uid, "NOCASE") == idTag && registered.Contains(t.PartnerId)).ToListAsync(ct);
        }
        else if (candidates.Count == 0 && db.Database.IsNpgsql())
        {
            var pattern = LikePattern.Exactly(idTag);
            candidates = await db.Set<RoamingToken>().Where(t => EF.Functions.ILike(t.Uid, pattern, LikePattern.Escape) && registered.Contains(t.PartnerId)).ToListAsync(ct);
        }

        // The token a START_SESSION or real-time authorization just named goes first.
        return candidates.OrderByDescending(t => t.PendingAuthMethod is not null).ThenByDescending(t => t.Valid).FirstOrDefault();
    }
}
