using ChargePortal.Web.Data;
using ChargePortal.Web.Live;
using ChargePortal.Web.Ocpp.Connections;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Operators.SmartCharging.Profiles;

/// <summary>
/// Keeps, per 2.0.1 station, the charging profiles this CSMS set (accepted SetChargingProfile, minus accepted
/// ClearChargingProfile) and what the station reports having (GetChargingProfiles answers and every
/// ReportChargingProfiles part), whoever sent the call: the smart charging page, the command API, the load balancer or a
/// raw OCPP call. The ledger stores them in the order they crossed the socket, so a report part never overtakes the
/// answer that announced it; once a change is stored, open pages hear of it.
/// </summary>
public sealed class ChargingProfileTracker(
    IDbContextFactory<AppDbContext> dbFactory, DatabaseWriteGate writeGate, IStationEventPublisher events, TimeProvider time, ILogger<ChargingProfileTracker> logger)
    : StationFrameLedger(dbFactory, writeGate, logger)
{
    internal const string Get = "GetChargingProfiles";
    internal const string Report = "ReportChargingProfiles";
    internal const string Set = "SetChargingProfile";
    internal const string Clear = "ClearChargingProfile";

    /// <summary>The <see cref="StationNotification"/> kind published once a change is stored (pages reload on it).</summary>
    public const string NotificationKind = "ChargingProfiles";

    private static readonly HashSet<string> Handled = new(StringComparer.Ordinal) { Get, Report, Set, Clear };

    protected override IReadOnlySet<string> Actions => Handled;

    protected override Task ApplyAsync(AppDbContext db, AnsweredCall exchange, CancellationToken ct) => exchange.Action switch
    {
        Get => ProfileReports.OnAnsweredAsync(db, exchange, time.GetUtcNow(), ct),
        Report => ProfileReports.OnPartAsync(db, exchange, time.GetUtcNow(), ct),
        Set => SetProfiles.OnSetAsync(db, exchange, time.GetUtcNow(), ct),
        Clear => SetProfiles.OnClearedAsync(db, exchange, ct),
        _ => Task.CompletedTask,
    };

    protected override void OnStored(AnsweredCall exchange) =>
        events.Publish(new StationNotification(exchange.StationId, time.GetUtcNow(), NotificationKind, exchange.Action == Report ? "reported" : "stored"));
}
