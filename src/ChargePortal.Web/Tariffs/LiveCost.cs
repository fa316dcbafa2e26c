using ChargePortal.Web.Data;
using ChargePortal.Web.Payments;
using ChargePortal.Web.Transactions;
using Microsoft.EntityFrameworkCore;

namespace ChargePortal.Web.Tariffs;

/// <summary>A session with its tariff and its price (so far, for an active session; final, for a completed one).</summary>
public sealed record SessionCost(ChargingTransaction Transaction, Tariff? Tariff, CostBreakdown? Cost, TimeZoneInfo SiteTimeZone, DateTimeOffset PricedAt);

/// <summary>
/// Prices one session with <see cref="CostCalculator"/> from what is stored: the tariff in force at the start
/// (or the one already recorded on the session), the energy register samples and the start/stop times.
/// The live page and the final pricing use this same path, so the estimate becomes the bill.
/// </summary>
public sealed class LiveCost(IDbContextFactory<AppDbContext> dbFactory, TariffResolver tariffs, RfidCardBilling rfidBilling, TimeProvider time)
{
    public Task<SessionCost?> EstimateAsync(long transactionId, CancellationToken ct) => EstimateAsync(transactionId, [], ct);

    /// <summary>
    /// The price with <paramref name="unsavedRegisters"/>: energy register readings (absolute Wh) just received, which
    /// the meter-value writer may not have stored yet (the total cost a 2.0.1 station is told when its session ends).
    /// </summary>
    public async Task<SessionCost?> EstimateAsync(long transactionId, IReadOnlyList<EnergySample> unsavedRegisters, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var transaction = await db.Transactions.AsNoTracking().FirstOrDefaultAsync(t => t.Id == transactionId, ct);
        if (transaction is null)
        {
            return null;
        }

        var zone = await tariffs.TimeZoneForStationAsync(transaction.StationId, ct);
        var tariff = transaction.TariffId is { } tariffId
            ? await db.Tariffs.AsNoTracking().Include(t => t.Periods).FirstOrDefaultAsync(t => t.Id == tariffId, ct)
            : await tariffs.ForConnectorAsync(transaction.StationId, transaction.ConnectorId, transaction.StartedAt, ct);
        var now = time.GetUtcNow();
        if (tariff is null)
        {
            return new SessionCost(transaction, null, null, zone, now);
        }

        if (transaction.FreeVend || await rfidBilling.IsFreeAsync(transaction.StationId, transaction.IdTag, ct))
        {
            // Free vend (started without authorisation where the site offers it), or an RFID card where the site makes
            // those free: nothing to pay.
            return new SessionCost(transaction, tariff, CostBreakdown.Free(tariff.Currency, tariff.VatPercent), zone, now);
        }

        var registers = await db.MeterValues.AsNoTracking()
            .Where(m => m.TransactionId == transactionId && m.Measurand == MeterSample.EnergyRegister && m.Phase == null)
            .Select(m => new { m.Timestamp, m.Value, m.Unit })
            .ToListAsync(ct);
        var readings = registers
            .Select(r => new EnergySample(r.Timestamp, (long)decimal.Round(string.Equals(r.Unit, "kWh", StringComparison.OrdinalIgnoreCase) ? r.Value * 1000m : r.Value)))
            .Concat(unsavedRegisters)
            .Distinct()
            .ToList();
        var origin = transaction.MeterStartWh ?? (readings.Count > 0 ? readings.Min(r => r.EnergyWh) : 0);
        var samples = readings.Select(r => r with { EnergyWh = r.EnergyWh - origin }).ToList();

        var end = transaction.StoppedAt ?? (now > transaction.StartedAt ? now : transaction.StartedAt);
        var timeline = new SessionTimeline(transaction.StartedAt, end, transaction.EnergyWh, samples,
            // While charging, energy is still flowing: charging has not ended, so no idle time accrues yet.
            ChargingEndedAt: transaction.Status == TransactionStatus.Active ? end : null);
        return new SessionCost(transaction, tariff, CostCalculator.Calculate(tariff, timeline, zone), zone, now);
    }
}
