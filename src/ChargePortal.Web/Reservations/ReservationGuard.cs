using ChargePortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChargePortal.Web.Reservations;

public enum ReservationCheck
{
    /// <summary>No reservation holds the connector.</summary>
    NotReserved,

    /// <summary>The driver who reserved started charging; the reservation is now Used.</summary>
    OwnReservation,

    /// <summary>Someone else holds the connector: the start must be refused.</summary>
    ReservedForOther,
}

/// <summary>
/// A session starting on a connector with its token: the token, its group (parent token), its driver, and the
/// reservation id the station reports it used (1.6 StartTransaction, 2.0.1 TransactionEvent reservationId).
/// </summary>
public sealed record ReservationClaim(string StationId, int EvseId, int ConnectorId, string? IdTag, string? ParentIdTag, string? UserId, int? ReservationId, DateTimeOffset At);

/// <summary>Consulted by the OCPP handlers when a session gets its token, so a held connector serves only its driver (and their group).</summary>
public interface IReservationGuard
{
    Task<ReservationCheck> OnStartAsync(ReservationClaim claim, CancellationToken ct);
}

public sealed class ReservationGuard(IDbContextFactory<AppDbContext> dbFactory, IOptions<ReservationOptions> options) : IReservationGuard
{
    public async Task<ReservationCheck> OnStartAsync(ReservationClaim claim, CancellationToken ct)
    {
        var heldUntilAfter = claim.At - options.Value.Grace;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var held = await db.Reservations
            .Where(r => r.StationId == claim.StationId && r.Connector!.EvseId == claim.EvseId && r.Connector.ConnectorId == claim.ConnectorId
                && r.Status == ReservationStatus.Held && r.EndsAt > heldUntilAfter)
            .OrderBy(r => r.StartsAt).FirstOrDefaultAsync(ct);
        if (held is null)
        {
            return ReservationCheck.NotReserved;
        }

        if (!await IsHolderAsync(db, held, claim, ct))
        {
            return ReservationCheck.ReservedForOther;
        }

        held.Status = ReservationStatus.Used;
        held.StatusDetail = "Charging started.";
        await db.SaveChangesAsync(ct);
        return ReservationCheck.OwnReservation;
    }

    /// <summary>
    /// The reserving token or driver, a token of the reserving token's group (the station admits those by the
    /// reservation's groupIdToken), or a start the station says used this very reservation.
    /// </summary>
    private static async Task<bool> IsHolderAsync(AppDbContext db, Reservation held, ReservationClaim claim, CancellationToken ct)
    {
        if (claim.ReservationId == held.Id
            || (claim.IdTag is not null && string.Equals(claim.IdTag, held.IdTag, StringComparison.OrdinalIgnoreCase))
            || (claim.UserId is not null && claim.UserId == held.UserId))
        {
            return true;
        }

        if (claim.ParentIdTag is null)
        {
            return false;
        }

        var heldGroup = await db.IdTokens.AsNoTracking().Where(t => t.IdTag == held.IdTag).Select(t => t.ParentIdTag).FirstOrDefaultAsync(ct);
        return string.Equals(claim.ParentIdTag, held.IdTag, StringComparison.OrdinalIgnoreCase)
            || (heldGroup is not null && string.Equals(claim.ParentIdTag, heldGroup, StringComparison.OrdinalIgnoreCase));
    }
}
