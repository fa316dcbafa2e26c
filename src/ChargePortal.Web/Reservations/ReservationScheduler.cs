using ChargePortal.Web.Data;
using ChargePortal.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChargePortal.Web.Reservations;

/// <summary>
/// The reservation clock: sends ReserveNow shortly before a slot starts and records the station's answer,
/// ends reservations nobody used and charges their no-show fee (<see cref="NoShowFees"/>). All timing comes from <see cref="TimeProvider"/>.
/// </summary>
public sealed class ReservationScheduler(
    IDbContextFactory<AppDbContext> dbFactory,
    ReservationCommands commands,
    NoShowFees noShowFees,
    IOptions<ReservationOptions> options,
    TimeProvider time,
    ILogger<ReservationScheduler> logger)
{
    private readonly ReservationOptions _options = options.Value;

    /// <summary>One pass: due reservations are sent, finished ones closed. Safe to call repeatedly.</summary>
    public async Task RunOnceAsync(CancellationToken ct)
    {
        await SendDueAsync(ct);
        await CloseFinishedAsync(ct);
        await noShowFees.ChargeDueAsync(ct);
    }

    private async Task SendDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var sendBefore = now + _options.Lead;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var due = await db.Reservations.Include(r => r.Connector).ThenInclude(c => c!.Station).Include(r => r.Slots)
            .Where(r => r.Status == ReservationStatus.Booked && r.StartsAt <= sendBefore && r.EndsAt > now)
            .OrderBy(r => r.StartsAt).Take(100).ToListAsync(ct);
        foreach (var reservation in due)
        {
            var reply = await commands.ReserveAsync(reservation, ct);
            reservation.SentAt = now;
            if (reply.Accepted)
            {
                reservation.Status = ReservationStatus.Held;
                reservation.StatusDetail = "The station is holding the connector for you.";
            }
            else if (reply.Unreachable)
            {
                // Stays Booked: the next pass tries again until the slot is over.
                reservation.StatusDetail = ReservationService.Trim(reply.Detail + " Trying again.");
            }
            else
            {
                reservation.Status = ReservationStatus.Rejected;
                reservation.StatusDetail = ReservationService.Trim(reply.Detail);
                db.ReservationSlots.RemoveRange(reservation.Slots);
            }

            await db.SaveChangesAsync(ct);
            logger.LogInformation("Reservation {ReservationId} on {StationId}: {Status} ({Detail})", reservation.Id, reservation.StationId, reservation.Status, reply.Detail);
        }
    }

    private async Task CloseFinishedAsync(CancellationToken ct)
    {
        var closeBefore = time.GetUtcNow() - _options.Grace;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var finished = await db.Reservations
            .Where(r => (r.Status == ReservationStatus.Held || r.Status == ReservationStatus.Booked) && r.EndsAt <= closeBefore)
            .Take(500).ToListAsync(ct);
        foreach (var reservation in finished)
        {
            if (reservation.Status == ReservationStatus.Held)
            {
                reservation.Status = ReservationStatus.NoShow;
                reservation.NoShowFee = _options.NoShowFee is > 0 ? _options.NoShowFee : null;
                reservation.StatusDetail = "Nobody started charging during the slot.";
            }
            else
            {
                reservation.Status = ReservationStatus.Expired;
                reservation.StatusDetail = ReservationService.Trim((reservation.StatusDetail ?? "") + " The station could not be reached before the slot ended.").Trim();
            }
        }

        await db.SaveChangesAsync(ct);
    }
}

/// <summary>Runs the scheduler every few seconds, on the cluster's leader only.</summary>
public sealed class ReservationSchedulerHost(
    ReservationScheduler scheduler,
    IClusterSingletonGate gate,
    IOptions<ReservationOptions> options,
    TimeProvider time,
    ILogger<ReservationSchedulerHost> logger) : BackgroundService
{
    public const string JobName = "reservations";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.ScanIntervalSeconds)), time);
        do
        {
            try
            {
                if (await gate.IsLeaderAsync(JobName, stoppingToken))
                {
                    await scheduler.RunOnceAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One failed pass (database busy, a station misbehaving) must not stop future passes.
                logger.LogError(ex, "Reservation scheduler pass failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
