using ChargePortal.Web.Data;
using ChargePortal.Web.Stations;
using ChargePortal.Web.Tests.Infrastructure;
using ChargePortal.Web.Transactions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChargePortal.Web.Tests.Management;

/// <summary>A clock the test sets; no timers are needed by the code under test.</summary>
public sealed class SettableTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

internal static class ManagementTestData
{
    public static IDbContextFactory<AppDbContext> Db(this ChargePortalFactory factory)
    {
        _ = factory.Server;
        return factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
    }

    public static async Task<long> AddCompletedSessionAsync(this ChargePortalFactory factory, string stationId, string ocppId, string? idTag,
        DateTimeOffset startedAt, TimeSpan duration, long energyWh, decimal? cost, string? currency, string? stopReason = "Local")
    {
        await using var db = await factory.Db().CreateDbContextAsync();
        var tx = new ChargingTransaction
        {
            StationId = stationId,
            EvseId = 1,
            ConnectorId = 1,
            OcppTransactionId = ocppId,
            IdTag = idTag,
            StartedAt = startedAt,
            StoppedAt = startedAt + duration,
            MeterStartWh = 1000,
            MeterStopWh = 1000 + energyWh,
            EnergyWh = energyWh,
            Status = TransactionStatus.Completed,
            StopReason = stopReason,
            Cost = cost,
            Currency = currency,
        };
        db.Transactions.Add(tx);
        await db.SaveChangesAsync();
        return tx.Id;
    }

    public static async Task AddStationAsync(this ChargePortalFactory factory, string id, bool online, DateTimeOffset? lastSeen, int heartbeatSeconds)
    {
        await using var db = await factory.Db().CreateDbContextAsync();
        db.Stations.Add(new Station
        {
            Id = id,
            Name = id,
            IsOnline = online,
            LastSeenAt = lastSeen,
            HeartbeatIntervalSeconds = heartbeatSeconds,
            CreatedAt = DateTimeOffset.UnixEpoch,
        });
        await db.SaveChangesAsync();
    }
}
