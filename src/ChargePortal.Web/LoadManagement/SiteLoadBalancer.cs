using System.Globalization;
using ChargePortal.Ocpp;
using ChargePortal.Web.Data;
using ChargePortal.Web.Hosting;
using ChargePortal.Web.Live;
using ChargePortal.Web.Ocpp.Commands;
using ChargePortal.Web.Transactions;
using Microsoft.EntityFrameworkCore;
using ChargePortal.Web.SmartCharging;
using ChargePortal.Web.Sites;

namespace ChargePortal.Web.LoadManagement;

/// <summary>What the balancer asked of one session's station, and what the station said.</summary>
public sealed record LoadShareSent(string StationId, string TransactionId, int LimitW, string Outcome);

/// <summary>
/// Keeps each site within its <see cref="Site.MaxPowerW"/>: whenever a session starts or ends at a site (or an EV's
/// ISO 15118 charging needs were accepted, which promises a TxProfile, or a station reports or clears an external
/// charging limit, which takes power from its sessions that the others may use), the
/// site's active sessions get a fresh fair share (<see cref="LoadShareCalculator"/>) as a TxProfile for their
/// running transaction. Only the cluster's leader acts, so a shared event bus does not send every profile twice.
/// </summary>
public sealed partial class SiteLoadBalancer(
    IStationEventStream events,
    IDbContextFactory<AppDbContext> dbFactory,
    StationCommandService commands,
    ExternalChargingLimits externalLimits,
    IClusterSingletonGate gate,
    TimeProvider time,
    ILogger<SiteLoadBalancer> logger) : StationEventFollower(events)
{
    protected override ILogger Logger => logger;

    public const string Job = "site-load-balancer";

    /// <summary>Profile ids are this plus the connector (1.6) or EVSE (2.0.1), so a new share replaces the old one.</summary>
    public const int ProfileIdBase = 900_000;

    /// <summary>Above 0 so an operator's base TxDefaultProfile at level 0 stays underneath.</summary>
    public const int StackLevel = 5;

    private static readonly CommandActor Actor = new("load-management", null);

    protected override LiveFilter Filter { get; } = LiveFilter.Everything.Of(typeof(TransactionStarted), typeof(TransactionEnded), typeof(StationNotification));

    protected override async Task OnEventAsync(StationEvent stationEvent, CancellationToken ct)
    {
        if (stationEvent is StationNotification and not (StationNotification { Kind: ChargingNeedsPolicy.NotificationKind, Status: ChargingNeedsPolicy.AcceptedStatus }
            or StationNotification { Kind: ExternalChargingLimits.NotificationKind }))
        {
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var siteId = await db.Stations.Where(s => s.Id == stationEvent.StationId).Select(s => s.SiteId).FirstOrDefaultAsync(ct);
        if (siteId is { } id)
        {
            await RebalanceAsync(id, ct);
        }
    }

    /// <summary>Sends every active session at the site its share; nothing when the site has no limit or this node is not the leader.</summary>
    public async Task<IReadOnlyList<LoadShareSent>> RebalanceAsync(int siteId, CancellationToken ct)
    {
        if (!await gate.IsLeaderAsync(Job, ct))
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var limit = await db.Sites.Where(s => s.Id == siteId).Select(s => s.MaxPowerW).FirstOrDefaultAsync(ct);
        if (limit is null)
        {
            return [];
        }

        var recorded = await (
            from t in db.Transactions.AsNoTracking()
            where t.Status == TransactionStatus.Active && t.Station!.SiteId == siteId
            select new
            {
                t.Id,
                t.StationId,
                t.EvseId,
                t.ConnectorId,
                t.OcppTransactionId,
                t.StartedAt,
                t.Station!.OcppVersion,
                MaxPowerW = db.Connectors
                    .Where(c => c.StationId == t.StationId && c.EvseId == t.EvseId && c.ConnectorId == t.ConnectorId)
                    .Select(c => (int?)c.MaxPowerW)
                    .FirstOrDefault(),
            }).ToListAsync(ct);

        // Only sessions that can be drawing power: a 2.0.1 transaction without an EVSE has no cable in yet (and no
        // TxProfile can address it), and of several sessions recorded open on one connector only the newest is real
        // (the others lost their end with the station's power).
        var sessions = recorded
            .Where(s => (s.OcppVersion == OcppVersion.V201 ? s.EvseId : s.ConnectorId) > 0)
            .GroupBy(s => (s.StationId, Target: s.OcppVersion == OcppVersion.V201 ? s.EvseId : s.ConnectorId))
            .Select(g => g.MaxBy(s => s.StartedAt)!)
            .ToList();

        // External limits (K11–K14) cap an EVSE, or the station as a whole, shared equally among its sessions; what they
        // hold back goes to the site's other sessions.
        var stationIds = sessions.Select(s => s.StationId).Distinct(StringComparer.Ordinal).ToList();
        var (external, nextChange) = await externalLimits.InEffectAsync(stationIds, ct);
        ScheduleNextLimitChange(siteId, sessions.Count == 0 ? null : nextChange);
        var perStation = sessions.GroupBy(s => s.StationId).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        int? ExternalCap(string stationId, int evseId, OcppVersion? version)
        {
            if (version != OcppVersion.V201)
            {
                return null;
            }

            int? evseCap = external.TryGetValue((stationId, evseId), out var e) ? e : null;
            int? stationCap = external.TryGetValue((stationId, 0), out var st) ? st / perStation[stationId] : null;
            return evseCap is null ? stationCap : stationCap is null ? evseCap : Math.Min(evseCap.Value, stationCap.Value);
        }

        var shares = LoadShareCalculator.Calculate(limit, [.. sessions.Select(s => new LoadSession(Key(s.Id), s.MaxPowerW ?? 0, ExternalCap(s.StationId, s.EvseId, s.OcppVersion)))])
            .ToDictionary(s => s.Key, s => s.LimitW, StringComparer.Ordinal);

        var sends = sessions.Select(async s =>
        {
            var share = shares[Key(s.Id)];
            var version = s.OcppVersion ?? OcppVersion.V16;
            var operation = ChargingProfileBuilder.Operation(ProfileFor(version, s.EvseId, s.ConnectorId, s.OcppTransactionId, share), version);
            var result = await commands.ExecuteAsync(s.StationId, operation, Actor, ct);
            var outcome = result.Outcome;
            LogShareSent(s.StationId, s.OcppTransactionId, share, outcome);
            return new LoadShareSent(s.StationId, s.OcppTransactionId, share, outcome);
        });
        return await Task.WhenAll(sends);
    }

    /// <summary>
    /// A relative TxProfile for the running transaction; a 1.6 transaction id that is not a number (never issued by
    /// this CSMS, but possible after an import) falls back to the connector's TxDefaultProfile.
    /// </summary>
    public static ChargingProfileDraft ProfileFor(OcppVersion version, int evseId, int connectorId, string transactionId, int limitW)
    {
        var target = version == OcppVersion.V16 ? connectorId : evseId;
        var hasTxId = version != OcppVersion.V16 || int.TryParse(transactionId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
        return new ChargingProfileDraft
        {
            ProfileId = ProfileIdBase + target,
            ConnectorId = target,
            Purpose = hasTxId ? DraftPurpose.TxProfile : DraftPurpose.TxDefaultProfile,
            TransactionId = hasTxId ? transactionId : null,
            StackLevel = StackLevel,
            Kind = DraftKind.Relative,
            Unit = DraftUnit.W,
            Periods = [new SchedulePeriodDraft { StartPeriodSeconds = 0, Limit = limitW }],
        };
    }

    private static string Key(long transactionRowId) => transactionRowId.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Load share for {StationId} transaction {TransactionId}: {LimitW} W → {Outcome}")]
    private partial void LogShareSent(string stationId, string transactionId, int limitW, string outcome);
}
