using ChargePortal.Web.Alerts;
using ChargePortal.Web.Data;
using ChargePortal.Web.Payments;
using ChargePortal.Web.Stations;
using ChargePortal.Web.Tariffs;
using ChargePortal.Web.Transactions;
using Microsoft.EntityFrameworkCore;
using ChargePortal.Web.Kernel;

namespace ChargePortal.Web.Demo;

/// <summary>
/// Past activity for the Development demo (<c>Seed:DemoHistoryDays</c>): completed sessions on every demo station,
/// priced with the site's tariff, the demo driver's paid with captured card payments, and the alerts a month of
/// operation leaves behind, so the dashboard's charts, the history and the alert list show something on a first run.
/// Generated from a fixed seed, so every developer sees the same month; written once (a database that has it keeps it).
/// </summary>
public sealed class DemoHistory(AppDbContext db, TimeProvider time, ILogger<DemoHistory> logger)
{
    /// <summary>Prefix of the history's transaction ids: how a second run knows the history is already there.</summary>
    public const string TransactionPrefix = "demo-history-";

    private const int Seed = 2026;
    private static readonly string[] Visitors = ["04A1B2C3D4", "04E5F60718", "0499AABBCC", "04DEADBEEF", "0412345678", "04C0FFEE00"];

    public async Task SeedAsync(int days, string driverUserId, CancellationToken ct)
    {
        if (days <= 0 || await db.Transactions.AnyAsync(t => t.OcppTransactionId.StartsWith(TransactionPrefix), ct))
        {
            return;
        }

        var stations = await db.Stations.AsNoTracking().Include(s => s.Connectors).Include(s => s.Site)
            .Where(s => s.SiteId != null).OrderBy(s => s.Id).ToListAsync(ct);
        var tariffs = await db.Tariffs.AsNoTracking().Include(t => t.Periods).ToListAsync(ct);
        var random = new Random(Seed);
        var now = time.GetUtcNow();
        var sessions = new List<(ChargingTransaction Session, bool DriverPays)>();

        foreach (var station in stations)
        {
            var tariff = tariffs.Where(t => t.SiteId == station.SiteId && t.StationId == null).MaxBy(t => t.EffectiveFrom);
            var zone = SiteTime.Zone(station.Site!.TimeZoneId);
            for (var daysAgo = days; daysAgo >= 1; daysAgo--)
            {
                var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime).AddDays(-daysAgo);
                foreach (var connector in station.Connectors)
                {
                    sessions.AddRange(SessionsOn(day, zone, station, connector, tariff, random));
                }
            }
        }

        // In the order they happened, so ids (the histories' "newest first") follow time as they do in real data.
        sessions.Sort((a, b) => a.Session.StartedAt.CompareTo(b.Session.StartedAt));
        for (var i = 0; i < sessions.Count; i++)
        {
            var (session, driverPays) = sessions[i];
            session.OcppTransactionId = TransactionPrefix + (i + 1);
            if (driverPays)
            {
                session.IdTag = "DEMO-DRIVER-CARD";
                session.UserId = driverUserId;
            }
        }

        db.Transactions.AddRange(sessions.Select(s => s.Session));
        await db.SaveChangesAsync(ct);
        db.Payments.AddRange(sessions.Where(s => s.DriverPays && s.Session.Cost > 0m).Select(s => CapturedPayment(s.Session, driverUserId)));
        db.Alerts.AddRange(PastAlerts(stations, now, random));
        if (stations.Count > 0)
        {
            await AddOpenFaultAsync(stations[^1], now, ct);
        }

        await db.SaveChangesAsync(ct);
        logger.LogInformation("Demo history ready: {Sessions} sessions over the last {Days} days", sessions.Count, days);
    }

    /// <summary>A day's sessions on one connector: fast chargers turn over often; office AC bays fill on weekday mornings.</summary>
    private static IEnumerable<(ChargingTransaction Session, bool DriverPays)> SessionsOn(DateOnly day, TimeZoneInfo zone, Station station,
        Connector connector, Tariff? tariff, Random random)
    {
        var fast = connector.MaxPowerW >= 50_000;
        var office = station.Site!.Name.Contains("Office", StringComparison.Ordinal);
        var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        var count = fast ? random.Next(weekend ? 1 : 2, 7) : office ? (weekend ? random.Next(0, 2) : random.Next(1, 3)) : random.Next(0, 4);
        var nextFree = day.ToDateTime(new TimeOnly(6, 30));
        for (var i = 0; i < count; i++)
        {
            var start = nextFree.AddMinutes(random.Next(10, fast ? 180 : 240));
            var minutes = fast ? random.Next(15, 50) : office && !weekend ? random.Next(240, 540) : random.Next(60, 300);
            if (start.AddMinutes(minutes).Date != day.ToDateTime(TimeOnly.MinValue))
            {
                yield break;
            }

            nextFree = start.AddMinutes(minutes);
            var carKw = fast ? random.Next(50, 151) : random.Next(7, 12);
            var kw = Math.Min(carKw, connector.MaxPowerW / 1000);
            var energyWh = (long)Math.Min(75_000, kw * 1000 * minutes / 60.0 * (0.7 + random.NextDouble() * 0.25));
            var startedAt = SiteTime.ToInstant(start, zone);
            var stoppedAt = startedAt.AddMinutes(minutes);
            var session = new ChargingTransaction
            {
                StationId = station.Id,
                EvseId = connector.EvseId,
                ConnectorId = connector.ConnectorId,
                OcppTransactionId = "",
                IdTag = random.Next(3) == 0 ? "DEMO-FLEET-001" : Visitors[random.Next(Visitors.Length)],
                StartedAt = startedAt,
                StoppedAt = stoppedAt,
                MeterStartWh = 0,
                MeterStopWh = energyWh,
                EnergyWh = energyWh,
                Status = TransactionStatus.Completed,
                StopReason = random.Next(8) == 0 ? "EVDisconnected" : "Local",
                TariffId = tariff?.Id,
            };
            if (tariff is not null)
            {
                var cost = CostCalculator.Calculate(tariff, new SessionTimeline(startedAt, stoppedAt, energyWh, []), zone);
                session.Cost = cost.Total;
                session.Currency = cost.Currency;
            }

            // About one session in ten is the demo driver's: a history with a few sessions a week, each paid by card.
            yield return (session, random.Next(10) == 0);
        }
    }

    private static Payment CapturedPayment(ChargingTransaction session, string driverUserId)
    {
        var hold = Math.Max(50m, Math.Ceiling(session.Cost!.Value / 10m) * 10m);
        return new Payment
        {
            UserId = driverUserId,
            TransactionId = session.Id,
            StationId = session.StationId,
            ConnectorId = session.ConnectorId,
            IdTag = session.IdTag,
            Provider = PaymentProviderKind.Simulated,
            ProviderPaymentId = $"pi_sim_{session.OcppTransactionId}",
            Status = PaymentStatus.Captured,
            Currency = session.Currency ?? "EUR",
            HoldAmount = hold,
            CapturedAmount = session.Cost.Value,
            StartRequestedAt = session.StartedAt.AddSeconds(-20),
            StartAcceptedAt = session.StartedAt.AddSeconds(-18),
            CreatedAt = session.StartedAt.AddSeconds(-25),
            UpdatedAt = session.StoppedAt!.Value.AddSeconds(5),
        };
    }

    /// <summary>One alert still waiting for an operator, so the alert list is not empty on a first run.</summary>
    private async Task AddOpenFaultAsync(Station station, DateTimeOffset now, CancellationToken ct)
    {
        var key = Alert.KeyFor(AlertKind.ConnectorFault, station.Id, 1, 1);
        if (await db.Alerts.AnyAsync(a => a.OpenKey == key, ct))
        {
            return;
        }

        db.Alerts.Add(new Alert
        {
            Kind = AlertKind.ConnectorFault,
            StationId = station.Id,
            EvseId = 1,
            ConnectorId = 1,
            Message = $"{station.Id} connector 1 reported a fault (ConnectorLockFailure).",
            RaisedAt = now.AddHours(-3),
            OpenKey = key,
        });
    }

    /// <summary>A month's worth of incidents, all dealt with: outages acknowledged, faults fixed, one problem the station cleared.</summary>
    private static IEnumerable<Alert> PastAlerts(List<Station> stations, DateTimeOffset now, Random random)
    {
        for (var i = 0; i < stations.Count; i++)
        {
            var station = stations[i];
            var raised = now.AddDays(-random.Next(2, 28)).AddMinutes(-random.Next(0, 1440));
            yield return (i % 3) switch
            {
                0 => new Alert
                {
                    Kind = AlertKind.StationOffline,
                    StationId = station.Id,
                    Message = $"{station.Id} stopped answering (no heartbeat for 10 minutes).",
                    RaisedAt = raised,
                    AcknowledgedAt = raised.AddMinutes(random.Next(20, 180)),
                    AcknowledgedBy = "Olivia Operator",
                },
                1 => new Alert
                {
                    Kind = AlertKind.ConnectorFault,
                    StationId = station.Id,
                    EvseId = 1,
                    ConnectorId = 1,
                    Message = $"{station.Id} connector 1 reported a fault (GroundFailure).",
                    RaisedAt = raised,
                    ClearedAt = raised.AddMinutes(random.Next(30, 240)),
                    AcknowledgedAt = raised.AddHours(random.Next(4, 20)),
                    AcknowledgedBy = "Olivia Operator",
                },
                _ => new Alert
                {
                    Kind = AlertKind.StationProblem,
                    StationId = station.Id,
                    Message = $"{station.Id}: OverheatProtection on ChargingStation/Temperature (Problem).",
                    Severity = 2,
                    RaisedAt = raised,
                    ClearedAt = raised.AddMinutes(random.Next(10, 60)),
                    AcknowledgedAt = raised.AddHours(1),
                    AcknowledgedBy = "Olivia Operator",
                },
            };
        }
    }
}
