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

/// <summary>Consulted by the OCPP handlers when a transaction starts, so a held connector serves only its driver.</summary>
public interface IReservationGuard
{
    Task<ReservationCheck> OnStartAsync(string stationId, int evseId, int connectorId, string? idTag, string? userId, DateTimeOffset at, CancellationToken ct);
}

public sealed class ReservationGuard(IDbContextFactory<AppDbContext> dbFactory, IOptions<ReservationOptions> options) : IReservationGuard
{
    public async Task<ReservationCheck> OnStartAsync(string stationId, int evseId, int connectorId, string? idTag, string? userId, DateTimeOffset at, CancellationToken ct)
    {
        var heldUntilAfter = at - options.Value.Grace;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var held = await db.Reservations
            .Where(r => r.StationId == stationId && r.Connector!.EvseId == evseId && r.Connector.ConnectorId == connectorId
                && r.Status == ReservationStatus.Held && r.EndsAt > heldUntilAfter)
            .OrderBy(r => r.StartsAt).FirstOrDefaultAsync(ct);
        if (held is null)
        {
            return ReservationCheck.NotReserved;
        }

        var isOwner = (idTag is not null && string.Equals(idTag, held.IdTag, StringComparison.OrdinalIgnoreCase))
            || (userId is not null && userId == held.UserId);
        if (!isOwner)
        {
            return ReservationCheck.ReservedForOther;
        }

        held.Status = ReservationStatus.Used;
        held.StatusDetail = "Charging started.";
        await db.SaveChangesAsync(ct);
        return ReservationCheck.OwnReservation;
    }
}
